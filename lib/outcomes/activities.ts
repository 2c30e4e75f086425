// The activities a patient may choose, when they get their result, as the things their back makes
// hard: up to 3, each rated 0-10 now and again at each check-in (the patient-specific approach of
// the PSFS, in our own words and with a fixed list so answers compare across patients).
import { z } from "zod";
import { section, wholeNumber } from "@/lib/triage/schema-parts";

/** The list to choose from, in the order the page shows it. */
export const ACTIVITIES = [
  { id: "walking", label: "Walking" },
  { id: "running", label: "Running or jogging" },
  { id: "sitting_long", label: "Sitting for a long time" },
  { id: "standing_long", label: "Standing for a long time" },
  { id: "sleeping", label: "Sleeping" },
  { id: "bending", label: "Bending down, or putting on socks and shoes" },
  { id: "lifting", label: "Lifting and carrying" },
  { id: "driving", label: "Driving or long journeys" },
  { id: "stairs", label: "Going up and down stairs" },
  { id: "sport_gym", label: "Sport or the gym" },
  { id: "work", label: "Doing my job" },
  { id: "caring", label: "Playing with children or caring for someone" },
  { id: "housework", label: "Housework or gardening" },
] as const satisfies readonly { id: string; label: string }[];

export type ActivityId = (typeof ACTIVITIES)[number]["id"];

export const ACTIVITY_IDS = ACTIVITIES.map((a) => a.id) as [ActivityId, ...ActivityId[]];

/** How many activities a patient may choose. */
export const MAX_ACTIVITIES = 3;

/** What the ends of the 0-10 rating mean, in the patient's words. */
export const ACTIVITY_SCALE = {
  low: "0 means I cannot do it at all",
  high: "10 means I can do it as well as before my back hurt",
};

const ACTIVITY_LABELS: ReadonlyMap<string, string> = new Map(ACTIVITIES.map((a) => [a.id, a.label]));

/** An activity's words, or null for an id that is not on the list. */
export function activityLabel(id: string): string | null {
  return ACTIVITY_LABELS.get(id) ?? null;
}

/** One chosen activity and how well the patient can do it now. */
export const activityRatingSchema = section(
  {
    id: z.enum(ACTIVITY_IDS, { error: "Choose an activity from the list" }),
    rating: wholeNumber(
      0,
      10,
      "Choose a number from 0 to 10 for how well you can do this now",
      "Choose a number from 0 to 10",
    ),
  },
  "Choose an activity and how well you can do it now",
);

/** `min` to 3 activity ratings, each activity once (a repeat is marked at its own id). */
export function activityList(min: number) {
  return z
    .array(activityRatingSchema, { error: `Choose up to ${MAX_ACTIVITIES} activities` })
    .min(min, { error: "Choose at least one activity that your back makes hard" })
    .max(MAX_ACTIVITIES, { error: `Choose no more than ${MAX_ACTIVITIES} activities` })
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((a, i) => {
        if (seen.has(a.id))
          ctx.addIssue({ code: "custom", path: [i, "id"], message: "You chose this activity twice: choose it once" });
        seen.add(a.id);
      });
    });
}

/** What the patient chooses after their result: 1-3 distinct activities, each with how well they can do it now. */
export const activitiesSchema = activityList(1);
export type ActivityRatings = z.output<typeof activitiesSchema>;
