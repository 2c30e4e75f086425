import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/forms";
import { UNKNOWN_FIELD } from "@/lib/forms";
import {
  caudaSchema,
  intakeAnswersSchema,
  legsSchema,
  makeIntakeAnswersSchema,
  painSchema,
  runningSchema,
} from "@/lib/triage";
import vignettes202611 from "../../fixtures/clinical/vignettes-2026.11.json";
import { calm, dobForAge, NOW, schema } from "./calm";

type Json = Record<string, Record<string, unknown>>;
/** A valid intake as a client would send it, changed by `edit`. */
function body(edit: (b: Json) => void = () => {}): Json {
  const b = structuredClone(calm()) as unknown as Json;
  edit(b);
  return b;
}
/** The field errors for an input, keyed by dotted path. */
const errorsOf = (input: unknown, s = schema) => {
  const r = s.safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe("intake schema: accepted answers", () => {
  it("accepts a complete intake and normalises it: trimmed strings, lower-cased email, places once each", () => {
    const parsed = schema.parse(
      body((b) => {
        b.contact!.firstName = "  Ann ";
        b.contact!.email = " Ann.Smith@Example.ORG ";
        b.pain!.locations = ["low_back", "buttock", "low_back"];
        (b as Record<string, unknown>).notes = "  sore after gardening  ";
      }),
    );
    expect(parsed.contact.firstName).toBe("Ann");
    expect(parsed.contact.email).toBe("ann.smith@example.org");
    expect(parsed.pain.locations).toEqual(["low_back", "buttock"]);
    expect(parsed.notes).toBe("sore after gardening");
  });

  it("accepts a baby born today and someone who is 120 the day before turning 121", () => {
    expect(
      errorsOf(
        body((b) => {
          b.contact!.dateOfBirth = dobForAge(0);
        }),
      ),
    ).toEqual({});
    expect(
      errorsOf(
        body((b) => {
          b.contact!.dateOfBirth = dobForAge(121, { birthdayTomorrow: true });
        }),
      ),
    ).toEqual({});
  });

  it("accepts per-symptom onsets and a trend once any cauda answer is yes or not sure", () => {
    expect(
      errorsOf(
        body((b) => {
          b.cauda = {
            ...b.cauda,
            bowelChange: "unsure",
            onsetDays: { ...(b.cauda!.onsetDays as object), bowelChange: 3 },
            worsening: true,
          };
        }),
      ),
    ).toEqual({});
    expect(
      errorsOf(
        body((b) => {
          b.cauda = { ...b.cauda, saddleNumbness: "yes", worsening: null };
        }),
      ),
    ).toEqual({});
  });

  it("accepts 'not applicable' on the sexual-function question only", () => {
    expect(
      errorsOf(
        body((b) => {
          b.cauda!.sexualFunctionChange = "not_applicable";
        }),
      ),
    ).toEqual({});
    expect(
      errorsOf(
        body((b) => {
          b.cauda!.bladderChange = "not_applicable";
        }),
      ),
    ).toEqual({ "cauda.bladderChange": ["Answer yes, no or not sure"] });
  });

  it("accepts an onset age equal to today's age, and a runner's decimal distance", () => {
    expect(
      errorsOf(
        body((b) => {
          b.inflammatory!.onsetAge = 35;
        }),
      ),
    ).toEqual({});
    expect(
      errorsOf(
        body((b) => {
          b.running = { ...b.running, isRunner: true, kmPerWeek: 42.2 };
        }),
      ),
    ).toEqual({});
  });
});

describe("intake schema: refused answers name the field", () => {
  it.each([
    [
      "a number sent as a string",
      (b: Json) => {
        b.pain!.intensity = "7";
      },
      "pain.intensity",
      "Choose a number from 0 to 10 for your worst pain",
    ],
    [
      "a yes/no sent as a word",
      (b: Json) => {
        b.legs!.difficultyWalking = "no";
      },
      "legs.difficultyWalking",
      "Answer yes or no",
    ],
    [
      "a cauda answer sent as a boolean",
      (b: Json) => {
        b.cauda!.saddleNumbness = false;
      },
      "cauda.saddleNumbness",
      "Answer yes, no or not sure",
    ],
    [
      "a missing field",
      (b: Json) => {
        delete b.contact!.email;
      },
      "contact.email",
      "Enter your email address",
    ],
    [
      "a missing section",
      (b: Json) => {
        delete b.pain;
      },
      "pain",
      "Answer the questions about your pain",
    ],
    [
      "an array where an object belongs",
      (b: Json) => {
        (b as Record<string, unknown>).legs = [];
      },
      "legs",
      "Answer the questions about your legs, arms and hands",
    ],
    [
      "a missing section on a complete form",
      (b: Json) => {
        (b as Record<string, unknown>).history = null;
      },
      "history",
      "Answer the questions about your health",
    ],
    [
      "an unknown stoppedAt page",
      (b: Json) => {
        (b as Record<string, unknown>).stoppedAt = "running";
      },
      "stoppedAt",
      "stoppedAt must be null or the page the form was sent from",
    ],
    [
      "a non-integer day count",
      (b: Json) => {
        b.pain!.durationDays = 1.5;
      },
      "pain.durationDays",
      "Enter a whole number",
    ],
    [
      "a day count over 100 years",
      (b: Json) => {
        b.pain!.durationDays = 36501;
      },
      "pain.durationDays",
      "Enter a number of days from 0 to 36500",
    ],
    [
      "intensity 11",
      (b: Json) => {
        b.pain!.intensity = 11;
      },
      "pain.intensity",
      "Choose a number from 0 to 10",
    ],
    [
      "no place where it hurts",
      (b: Json) => {
        b.pain!.locations = [];
      },
      "pain.locations",
      "Choose at least one place where it hurts",
    ],
    [
      "an unknown place",
      (b: Json) => {
        b.pain!.locations = ["neck"];
      },
      "pain.locations.0",
      "Choose places from the list",
    ],
    [
      "consent not given",
      (b: Json) => {
        b.consent!.privacyNotice = false;
      },
      "consent.privacyNotice",
      "Agree to the privacy notice to continue",
    ],
    [
      "a malformed email",
      (b: Json) => {
        b.contact!.email = "ann@";
      },
      "contact.email",
      "Enter an email address in the right format, like name@example.com",
    ],
    [
      "a blank first name",
      (b: Json) => {
        b.contact!.firstName = "   ";
      },
      "contact.firstName",
      "Enter your first name",
    ],
    [
      "a 1 MB first name",
      (b: Json) => {
        b.contact!.firstName = "x".repeat(1_000_000);
      },
      "contact.firstName",
      "First name must be 100 characters or fewer",
    ],
    [
      "a 300-character email",
      (b: Json) => {
        b.contact!.email = `${"a".repeat(290)}@example.org`;
      },
      "contact.email",
      "Email address must be 254 characters or fewer",
    ],
    [
      "a phone number with letters",
      (b: Json) => {
        b.contact!.phone = "call me maybe";
      },
      "contact.phone",
      "Enter a phone number of 7 to 25 digits; spaces, + - ( ) are fine",
    ],
    [
      "a 6-character phone number",
      (b: Json) => {
        b.contact!.phone = "123456";
      },
      "contact.phone",
      "Enter a phone number of 7 to 25 digits; spaces, + - ( ) are fine",
    ],
    [
      "sex not in the list",
      (b: Json) => {
        b.contact!.sex = "f";
      },
      "contact.sex",
      "Choose female, male or other",
    ],
    [
      "notes over 2000 characters",
      (b: Json) => {
        (b as Record<string, unknown>).notes = "n".repeat(2001);
      },
      "notes",
      "Keep your notes to 2000 characters or fewer",
    ],
    [
      "7 outlook statements",
      (b: Json) => {
        (b as Record<string, unknown>).outlook = {
          items: [true, true, true, true, true, true, true],
          bothersomeness: "slightly",
        };
      },
      "outlook.items",
      "Answer agree or disagree to each of the 8 statements",
    ],
    [
      "9 function sections",
      (b: Json) => {
        (b as Record<string, unknown>).function = { sections: [0, 0, 0, 0, 0, 0, 0, 0, 0] };
      },
      "function.sections",
      "Send all 10 daily function answers, with skipped ones left empty",
    ],
    [
      "a function score of 6",
      (b: Json) => {
        (b as Record<string, unknown>).function = { sections: [0, 0, 0, 6, 0, 0, 0, 0, 0, 0] };
      },
      "function.sections.3",
      "Choose a score from 0 to 5, or skip this part",
    ],
    [
      "a running distance over 500 km",
      (b: Json) => {
        b.running = { ...b.running, isRunner: true, kmPerWeek: 501 };
      },
      "running.kmPerWeek",
      "Enter a distance from 0 to 500 km a week",
    ],
  ] as const)("refuses %s", (_name, edit, path, message) => {
    expect(errorsOf(body(edit))).toEqual({ [path]: [message] });
  });

  it.each([
    ["an empty date of birth", "", "Enter your date of birth"],
    ["a date in another format", "20/11/1990", "Enter your date of birth as year-month-day, for example 1980-04-23"],
    ["30 February", "2023-02-30", "Enter a real date of birth: check the day and the month"],
    ["29 February in a non-leap year", "2023-02-29", "Enter a real date of birth: check the day and the month"],
    ["month 13", "1990-13-01", "Enter a real date of birth: check the day and the month"],
    ["tomorrow", "2026-11-21", "Date of birth cannot be in the future"],
    ["an age of 121", dobForAge(121), "Check your date of birth: it makes you older than 120"],
  ])("refuses %s as a date of birth", (_name, dateOfBirth, message) => {
    expect(
      errorsOf(
        body((b) => {
          b.contact!.dateOfBirth = dateOfBirth;
        }),
      ),
    ).toEqual({ "contact.dateOfBirth": [message] });
  });

  it("refuses a date of birth that is not a string", () => {
    expect(
      errorsOf(
        body((b) => {
          b.contact!.dateOfBirth = 19900101;
        }),
      ),
    ).toEqual({ "contact.dateOfBirth": ["Enter your date of birth"] });
  });

  it("refuses anything but an object as the whole intake", () => {
    for (const input of [null, [], "intake", 42, undefined])
      expect(errorsOf(input)).toEqual({ _root: ["Send the completed form"] });
  });
});

describe("intake schema: unknown keys", () => {
  it("refuses an unknown key at the top and inside a section, naming it by its path", () => {
    expect(errorsOf({ ...body(), extra: 1 })).toEqual({ extra: [UNKNOWN_FIELD] });
    expect(
      errorsOf(
        body((b) => {
          b.legs!.tingles = true;
        }),
      ),
    ).toEqual({ "legs.tingles": [UNKNOWN_FIELD] });
  });

  it("refuses __proto__, constructor and prototype keys that JSON.parse creates", () => {
    const top = JSON.parse(`{"__proto__": {"admin": true}, ${JSON.stringify(body()).slice(1)}`);
    expect(errorsOf(top)).toEqual(Object.fromEntries([["__proto__", [UNKNOWN_FIELD]]]));
    const inner = JSON.parse(
      JSON.stringify(body()).replace('"contact":{', '"contact":{"__proto__":{"x":1},"constructor":1,"prototype":2,'),
    );
    expect(errorsOf(inner)).toEqual({
      "contact.__proto__": [UNKNOWN_FIELD],
      "contact.constructor": [UNKNOWN_FIELD],
      "contact.prototype": [UNKNOWN_FIELD],
    });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("never echoes a huge unknown key in full, nor thousands of them", () => {
    const keys = Object.keys(errorsOf({ ...body(), ["k".repeat(10_000)]: 1 }));
    expect(keys.every((k) => k.length <= 100)).toBe(true);
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, 1]));
    expect(Object.keys(errorsOf({ ...body(), ...many })).length).toBeLessThanOrEqual(21);
  });

  it("refuses a contract 2026.11 body, naming every missing new field and every removed field", () => {
    const old = structuredClone(vignettes202611[0]!.intake) as Record<string, unknown>;
    (old.contact as Record<string, unknown>).dateOfBirth = dobForAge(40);
    const errors = errorsOf(old);
    for (const path of [
      "stoppedAt",
      "pain.dangerousMechanism",
      "legs.numbnessLegs",
      "legs.walkingKinds",
      "legs.armHandSide",
      "legs.armHandKind",
      "legs.onsetDays",
      "legs.worsening",
      "cauda.onsetDays",
      "history.newConfusion",
      "history.recentSpinalProcedure",
      "history.recentInfection",
      "history.anticoagulant",
      "history.pregnancy",
      "history.pregnancyWarningSigns",
      "running.limpOrPainOnWalking",
    ])
      expect(errors[path], path).toBeDefined();
    expect(errors["cauda.symptomOnsetDays"]).toEqual([UNKNOWN_FIELD]);
    expect(errors["history.recentInfectionOrSpinalProcedure"]).toEqual([UNKNOWN_FIELD]);
  });
});

describe("intake schema: cross-field rules of contract 2026.12", () => {
  const cases: [string, (b: Json) => void, Record<string, string[]>][] = [
    [
      "onsets and a trend when all 4 cauda answers are no",
      (b) => {
        b.cauda = { ...b.cauda, onsetDays: { ...(b.cauda!.onsetDays as object), bladderChange: 3 }, worsening: false };
      },
      {
        "cauda.onsetDays.bladderChange": ["Leave this empty: it is asked only when you answered yes or not sure"],
        "cauda.worsening": ["Leave this empty: you answered no to all 4 questions above"],
      },
    ],
    [
      "a dangerous-mechanism answer after no injury",
      (b) => {
        b.pain!.dangerousMechanism = false;
      },
      {
        "pain.dangerousMechanism": ["Leave this empty: it is asked only after a fall, a run or a sport injury"],
      },
    ],
    [
      "no dangerous-mechanism answer after a fall",
      (b) => {
        b.pain!.trigger = "minor_fall";
      },
      {
        "pain.dangerousMechanism": ["Answer yes or no: did it happen in any of these ways?"],
      },
    ],
    [
      "numbness without saying which legs",
      (b) => {
        b.legs!.numbnessOrTingling = true;
        b.legs!.worsening = false;
      },
      {
        "legs.numbnessLegs": ["Choose one leg, both legs or not sure"],
      },
    ],
    [
      "'not sure' with another walking kind",
      (b) => {
        Object.assign(b.legs!, { difficultyWalking: true, walkingKinds: ["unsure", "unsteady"], worsening: false });
      },
      {
        "legs.walkingKinds": ['Choose "I\'m not sure" on its own, or the answers that describe your walking'],
      },
    ],
    [
      "a walking kind twice",
      (b) => {
        Object.assign(b.legs!, { difficultyWalking: true, walkingKinds: ["unsteady", "unsteady"], worsening: false });
      },
      {
        "legs.walkingKinds": ["Choose each answer only once"],
      },
    ],
    [
      "an onset for a symptom the patient does not have",
      (b) => {
        b.legs!.onsetDays = { ...(b.legs!.onsetDays as object), weakness: 4 };
      },
      {
        "legs.onsetDays.weakness": ["Leave this empty: it is asked only for a symptom you have"],
      },
    ],
    [
      "a leg trend with no leg, arm or hand symptom",
      (b) => {
        b.legs!.worsening = true;
      },
      {
        "legs.worsening": ["Leave this empty: it is asked only when you have a leg, arm or hand problem"],
      },
    ],
    [
      "arm side and kind missing",
      (b) => {
        Object.assign(b.legs!, { armOrHandSymptoms: true, worsening: false });
      },
      {
        "legs.armHandSide": ["Choose one arm or hand, both, or not sure"],
        "legs.armHandKind": ["Choose what describes it best"],
      },
    ],
    [
      "a pregnancy answer from a man",
      (b) => {
        b.history!.pregnancy = "no";
      },
      {
        "history.pregnancy": ["Must be not_applicable: the pregnancy question is not asked when sex is male"],
      },
    ],
    [
      "no pregnancy answer from a woman of 35",
      (b) => {
        b.contact!.sex = "female";
      },
      {
        "history.pregnancy": ["Answer the question about pregnancy"],
      },
    ],
    [
      "no warning-signs answer when pregnant",
      (b) => {
        b.contact!.sex = "female";
        b.history!.pregnancy = "pregnant";
      },
      {
        "history.pregnancyWarningSigns": ["Answer yes, no or not sure"],
      },
    ],
    [
      "a limp answer from someone who does not run",
      (b) => {
        b.running!.limpOrPainOnWalking = true;
      },
      {
        "running.limpOrPainOnWalking": ["Answer no: this is asked only of runners"],
      },
    ],
    [
      "a weekly distance from someone who does not run",
      (b) => {
        b.running!.kmPerWeek = 20;
      },
      { "running.kmPerWeek": ["Leave this empty if you do not run"] },
    ],
    [
      "later sections on an early submission",
      (b) => {
        (b as Record<string, unknown>).stoppedAt = "nerve-check";
      },
      {
        history: ["Leave this empty (null): the form was sent from the emergency page after nerve-check"],
        inflammatory: ["Leave this empty (null): the form was sent from the emergency page after nerve-check"],
        running: ["Leave this empty (null): the form was sent from the emergency page after nerve-check"],
      },
    ],
    [
      "an early submission missing a page it says it answered",
      (b) => {
        Object.assign(b, { stoppedAt: "health-history", legs: null, inflammatory: null, running: null });
      },
      {
        legs: ["Answer the questions about your legs, arms and hands"],
      },
    ],
  ];
  it.each(cases)("refuses %s, naming the field", (_name, edit, expected) => {
    expect(errorsOf(body(edit))).toEqual(expected);
  });

  it("accepts a pregnancy answer of any kind outside ages 12–59, and not_applicable there", () => {
    expect(
      errorsOf(
        body((b) => {
          b.contact!.sex = "other";
          b.contact!.dateOfBirth = dobForAge(60);
        }),
      ),
    ).toEqual({});
    expect(
      errorsOf(
        body((b) => {
          b.contact!.sex = "female";
          b.contact!.dateOfBirth = dobForAge(11);
          b.history!.pregnancy = "no";
        }),
      ),
    ).toEqual({});
  });

  it("refuses an onset age above today's age, and says nothing extra when the birth date is itself wrong", () => {
    expect(
      errorsOf(
        body((b) => {
          b.inflammatory!.onsetAge = 36;
        }),
      ),
    ).toEqual({
      "inflammatory.onsetAge": ["This age cannot be more than your age now (35)"],
    });
    expect(
      Object.keys(
        errorsOf(
          body((b) => {
            b.inflammatory!.onsetAge = 36;
            b.contact!.dateOfBirth = "2099-01-01";
          }),
        ),
      ),
    ).toEqual(["contact.dateOfBirth"]);
  });

  it("keeps section-level checks on the section schemas, for the multi-step form", () => {
    const cauda = { ...calm().cauda, worsening: true };
    expect(errorsOf(cauda, caudaSchema as never)).toEqual({
      worsening: ["Leave this empty: you answered no to all 4 questions above"],
    });
    expect(errorsOf({ ...calm().running, kmPerWeek: 5 }, runningSchema as never)).toEqual({
      kmPerWeek: ["Leave this empty if you do not run"],
    });
    expect(errorsOf({ ...calm().legs, numbnessOrTingling: true }, legsSchema as never)).toEqual({
      numbnessLegs: ["Choose one leg, both legs or not sure"],
    });
    expect(painSchema.safeParse(calm().pain).success).toBe(true);
  });
});

describe("intake schema: the clock", () => {
  it("reads the current time by default", () => {
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const r = intakeAnswersSchema.safeParse(
      body((b) => {
        b.contact!.dateOfBirth = tomorrow;
      }),
    );
    expect(r.success ? {} : fieldErrors(r.error)).toEqual({
      "contact.dateOfBirth": ["Date of birth cannot be in the future"],
    });
  });

  it("accepts now as a function and counts today in the given time zone", () => {
    const late = new Date("2026-11-20T23:30:00Z"); // already 21 November in Auckland
    const input = body((b) => {
      b.contact!.dateOfBirth = "2026-11-21";
    });
    expect(makeIntakeAnswersSchema({ now: () => late }).safeParse(input).success).toBe(false);
    expect(makeIntakeAnswersSchema({ now: late, timeZone: "Pacific/Auckland" }).safeParse(input).success).toBe(true);
    expect(NOW.toISOString()).toBe("2026-11-20T12:00:00.000Z");
  });
});

describe("intake schema: plain words", () => {
  it("never shows a patient zod's own wording", () => {
    const inputs = [
      null,
      {},
      [],
      body((b) => {
        for (const section of Object.values(b))
          if (section) for (const k of Object.keys(section)) section[k] = Symbol.for("x");
      }),
      body((b) => {
        for (const section of Object.values(b)) if (section) for (const k of Object.keys(section)) section[k] = [{}];
      }),
      { ...body(), outlook: { items: "x", bothersomeness: 1 }, function: { sections: [{}] }, notes: 5 },
      { ...body(), outlook: { items: [1, 2, 3, 4, 5, 6, 7, 8] }, function: { sections: "0000000000" } },
    ];
    for (const input of inputs) {
      for (const messages of Object.values(errorsOf(input))) {
        for (const m of messages)
          expect(m).not.toMatch(/invalid|expected|received|zod|undefined|\bNaN\b|symbol|object/i);
      }
    }
  });
});
