// Slot-search speed: `npx tsx scripts/bench-slots-core.ts [--runs=20]`.
// Builds a busy clinic (fixed seed, so every run searches the same data): 20 clinicians working
// 08:00–12:30 and 13:30–18:00 on weekdays in America/New_York, 10,000 appointments over the next
// 60 days (a DST change included), then times listFreeSlots for everyone over 60 days, once per
// appointment type in patient and in urgent mode, and prints a markdown table. Import
// benchSlotsCore() to get the numbers (patient mode unless told).
import { cpus } from "node:os";
import { pathToFileURL } from "node:url";
import type { AppointmentType, Busy, SlotQuery, TimeOff, WorkingHours } from "@/lib/scheduling";
import { addLocalDays, blockedRange, DEFAULT_POLICY, listFreeSlots, localInstant } from "@/lib/scheduling";

const SEED = 20_260_302;
const TIME_ZONE = "America/New_York";
const FROM = "2026-03-02"; // a Monday; US clocks spring forward on 2026-03-08
const NOW = new Date("2026-03-02T12:00:00Z"); // 07:00 local, before the first slot
const DAYS = 60;
const CLINICIANS = 20;
const APPOINTMENTS = 10_000;
const TARGET_MS = 20;

const TYPES: AppointmentType[] = [
  { id: "initial", minutes: 45, bufferBeforeMinutes: 0, bufferAfterMinutes: 15 },
  { id: "follow-up", minutes: 30, bufferBeforeMinutes: 0, bufferAfterMinutes: 5 },
  { id: "urgent-review", minutes: 20, bufferBeforeMinutes: 5, bufferAfterMinutes: 5 },
];

/** mulberry32: a tiny seeded generator, so the fixture is the same on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fixture() {
  const next = random(SEED);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const ids = Array.from({ length: CLINICIANS }, (_, i) => `clinician-${String(i + 1).padStart(2, "0")}`);
  const hours: WorkingHours[] = ids.flatMap((clinicianId) =>
    ([1, 2, 3, 4, 5] as const).flatMap((weekday) => [
      { clinicianId, weekday, start: "08:00", end: "12:30" },
      { clinicianId, weekday, start: "13:30", end: "18:00" },
    ]),
  );
  const weekdays = Array.from({ length: DAYS }, (_, d) => addLocalDays(FROM, d)).filter((_, d) => d % 7 < 5);
  // Placed on the 15-minute grid inside working hours; they may overlap each other, which the
  // database would refuse, but that only makes the merge step work harder.
  const busy: Busy[] = Array.from({ length: APPOINTMENTS }, () => {
    const type = pick(TYPES);
    const quarter = Math.floor(next() * 36); // 08:00 … 16:45
    const minutes = 8 * 60 + quarter * 15 + (quarter >= 18 ? 60 : 0); // skip the lunch hour
    const time = `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
    const blocked = blockedRange(localInstant(pick(weekdays), time, TIME_ZONE), type);
    return { clinicianId: pick(ids), ...blocked };
  });
  const timeOff: TimeOff[] = [
    {
      clinicianId: null,
      start: localInstant("2026-04-03", "00:00", TIME_ZONE),
      end: localInstant("2026-04-04", "00:00", TIME_ZONE),
    },
    ...ids.slice(0, 5).map((clinicianId, i) => ({
      clinicianId,
      start: localInstant(addLocalDays(FROM, 14 + i * 7), "00:00", TIME_ZONE),
      end: localInstant(addLocalDays(FROM, 19 + i * 7), "00:00", TIME_ZONE),
    })),
  ];
  return { ids, hours, busy, timeOff };
}

type Mode = SlotQuery["mode"];

/** One appointment type's timing: median, fastest and slowest ms, and how many slots were found. */
export type SlotsCoreRun = {
  type: string;
  mode: Mode;
  medianMs: number;
  minMs: number;
  maxMs: number;
  slots: number;
  reserved: number;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Times listFreeSlots over the fixture for each appointment type: median of `runs` after 5 warm-up runs. */
export async function benchSlotsCore({ runs = 20, mode = "patient" }: { runs?: number; mode?: Mode } = {}): Promise<
  SlotsCoreRun[]
> {
  const { ids, hours, busy, timeOff } = fixture();
  const query = (type: AppointmentType): SlotQuery => ({
    timeZone: TIME_ZONE,
    now: NOW,
    from: FROM,
    days: DAYS,
    type,
    clinicianIds: ids,
    hours,
    timeOff,
    busy,
    policy: DEFAULT_POLICY,
    mode,
  });
  return TYPES.map((type) => {
    const q = query(type);
    for (let i = 0; i < 5; i++) listFreeSlots(q); // warm-up: let V8 optimise the hot path
    const times: number[] = [];
    let found = listFreeSlots(q);
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      found = listFreeSlots(q);
      times.push(performance.now() - start);
    }
    const reserved = found.filter((s) => s.reserved).length;
    return {
      type: type.id,
      mode,
      medianMs: median(times),
      minMs: Math.min(...times),
      maxMs: Math.max(...times),
      slots: found.length,
      reserved,
    };
  });
}

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg === undefined ? fallback : Number(arg.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

async function main() {
  const runs = option("runs", 20);
  const results = [...(await benchSlotsCore({ runs })), ...(await benchSlotsCore({ runs, mode: "urgent" }))];
  const cpu = cpus();
  const slowest = Math.max(...results.map((r) => r.medianMs));
  console.log(
    [
      "### Slot search benchmark (lib/scheduling)",
      "",
      `${CLINICIANS} clinicians × ${DAYS} days (weekdays 08:00–12:30, 13:30–18:00, ${TIME_ZONE}, 15-min grid),`,
      `${APPOINTMENTS.toLocaleString("en-US")} busy ranges, seed ${SEED}; median of ${runs} runs after 5 warm-up runs;`,
      `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}.`,
      "",
      "| Appointment type | Mode | Median ms | Fastest | Slowest | Slots found | Flagged reserved |",
      "|---|---|---:|---:|---:|---:|---:|",
      ...results.map(
        (r) =>
          `| ${r.type} | ${r.mode} | ${r.medianMs.toFixed(2)} | ${r.minMs.toFixed(2)} | ${r.maxMs.toFixed(2)} | ${r.slots.toLocaleString("en-US")} | ${r.reserved} |`,
      ),
      "",
      `Target < ${TARGET_MS} ms: ${slowest < TARGET_MS ? "met" : "NOT met"} (slowest median ${slowest.toFixed(2)} ms).`,
    ].join("\n"),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
