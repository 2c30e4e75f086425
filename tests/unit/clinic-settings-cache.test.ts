import { describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { cached, clearSettingsCaches } from "@/lib/clinic-settings";

// Any object stands in for a database: the cache is keyed by it.
const db = {} as Db;

describe("the per-process settings cache", () => {
  it("keeps a value until clearSettingsCaches(), then reads again", async () => {
    let reads = 0;
    const load = async () => ++reads;
    expect(await cached(db, "t1", load)).toBe(1);
    expect(await cached(db, "t1", load)).toBe(1);
    clearSettingsCaches();
    expect(await cached(db, "t1", load)).toBe(2);
  });

  it("does not keep a value that was read before an admin's change and arrived after it", async () => {
    let reads = 0;
    let release!: () => void;
    const slow = () => new Promise<number>((resolve) => (release = () => resolve(++reads)));
    const first = cached(db, "t2", slow);
    clearSettingsCaches(); // the change is saved while the old settings are being read
    release();
    expect(await first).toBe(1); // that request uses what it read
    expect(await cached(db, "t2", async () => ++reads)).toBe(2); // the next one reads again
  });
});
