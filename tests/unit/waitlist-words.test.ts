import { describe, expect, it } from "vitest";
import { availabilityInWords } from "@/lib/waitlist/words";

describe("availabilityInWords", () => {
  it('says "Any day and time" for any', () => {
    expect(availabilityInWords("any")).toEqual(["Any day and time"]);
  });

  it("lists the chosen days in weekday order, whatever order they were stored in", () => {
    expect(availabilityInWords({ wed: ["evening"], mon: ["morning"] })).toEqual([
      "Monday morning",
      "Wednesday evening",
    ]);
  });

  it("puts the parts of a day in the order of the day", () => {
    expect(availabilityInWords({ fri: ["evening", "morning"] })).toEqual(["Friday morning and evening"]);
  });

  it("says a day with every part is any time of day", () => {
    expect(availabilityInWords({ sun: ["evening", "afternoon", "morning"] })).toEqual(["Sunday, any time of day"]);
  });

  it("leaves out days with no parts", () => {
    expect(availabilityInWords({ tue: [], thu: ["afternoon"] })).toEqual(["Thursday afternoon"]);
  });
});
