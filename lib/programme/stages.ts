// The return-to-run plan: 6 weekly stages, from quick walking to hills and speed. Pure data.
// Built on the seed article "When to Return to Running after Experiencing Low Back Pain": walk
// normally at a quick pace first; then run/walk 1 minute each on level ground at a slow pace,
// running a little more each session; no hills or fast running until the usual distance and pace
// are back without pain. All wording is our own, for a reading age of about 9 to 11.

/** The plan's wording and rules; a stored plan or check-in records the version it was made with. */
export const PROGRAMME_VERSION = "2026.12";

export type StageKey = "walk" | "run_walk" | "run_walk_more" | "easy_run" | "previous_distance" | "hills_speed";

export type Stage = {
  /** 1..STAGES.length, in order. */
  number: number;
  key: StageKey;
  /** The stage's name, in patient words. */
  title: string;
  /** This stage's goal for the week: 1 sentence, in patient words. */
  goal: string;
  /** 2 to 4 short lines: what to do this week (ground, pace, minutes). */
  sessions: string[];
  /** Highest acceptable pain (0-10) during a session and the next morning. */
  painLimit: number;
  /** Weeks at least at this stage before moving on. */
  minWeeks: number;
};

/*
 * Pain limits. The seed says being able to walk normally matters, not walking without any
 * discomfort, and that pain moving back towards the spine is fine even if it is a little worse.
 * So the early stages allow mild pain: up to 3 out of 10, during and the next morning. Hills and
 * fast running come only once the usual distance and pace are back "without pain"; we read that
 * as no more than a small niggle, so the usual-distance stage (whose all-clear opens hills and
 * speed) and the hills-and-speed stage allow up to 2, the band most pain-monitoring schemes
 * call minimal.
 *
 * Weeks: 1 week at least per stage, so the whole plan takes 6 weeks or more. The seed expects
 * most people to take about 2 weeks to settle and a bad episode 4 to 6 weeks or longer before
 * the usual distance and pace are back; a stage is repeated (not skipped) when a week goes less well.
 */
export const STAGES: readonly Stage[] = [
  {
    number: 1,
    key: "walk",
    title: "Walk at a quick pace",
    goal: "Walk for 30 minutes at a quick pace, with your normal stride, on 4 days this week.",
    sessions: [
      "Walk on flat paths, with a rest day when you need one.",
      "Start with 15 to 20 minutes and add a few minutes each time.",
      "Walk briskly, taking your usual length of step.",
      "Do your exercise cards on most days.",
    ],
    painLimit: 3,
    minWeeks: 1,
  },
  {
    number: 2,
    key: "run_walk",
    title: "Jog 1 minute, walk 1 minute",
    goal: "Finish 20 minutes of jogging for 1 minute and walking for 1 minute, on flat ground.",
    sessions: [
      "Go out 3 times this week, with a rest day in between.",
      "Warm up with 5 minutes of quick walking and your bridge exercise.",
      "On flat ground, jog slowly for 1 minute, then walk for 1 minute, and repeat.",
      "Start with 10 to 15 minutes in all, and jog a little longer each time.",
    ],
    painLimit: 3,
    minWeeks: 1,
  },
  {
    number: 3,
    key: "run_walk_more",
    title: "More jogging, less walking",
    goal: "Jog for 4 minutes, then walk for 1 minute, for 20 to 30 minutes on flat ground.",
    sessions: [
      "Go out 3 times this week, with a rest day in between.",
      "Start with 2 minutes of jogging and 1 minute of walking.",
      "Each time, add a little more jogging before each walk.",
      "Keep to flat ground and a pace at which you can still talk.",
    ],
    painLimit: 3,
    minWeeks: 1,
  },
  {
    number: 4,
    key: "easy_run",
    title: "Run slowly without stopping",
    goal: "Run slowly for 20 minutes without a walking break, on flat ground.",
    sessions: [
      "Run 3 or 4 times this week, with at least 1 rest day.",
      "Start with 10 to 15 minutes and add a few minutes each time.",
      "Stay on flat ground, at a pace at which you can talk in full sentences.",
      "Aim for about half to three-quarters of the distance you used to run.",
    ],
    painLimit: 3,
    minWeeks: 1,
  },
  {
    number: 5,
    key: "previous_distance",
    title: "Build back to your usual distance",
    goal: "Run your usual distance at your usual pace on flat ground, with little or no pain.",
    sessions: [
      "Run 3 or 4 times this week, with at least 1 rest day.",
      "Add a little distance or a little speed each week, but not both at once.",
      "Stay on flat ground, and leave out hills and fast running for now.",
      "Keep doing your exercise cards.",
    ],
    painLimit: 2,
    minWeeks: 1,
  },
  {
    number: 6,
    key: "hills_speed",
    title: "Add hills and faster running",
    goal: "Add 1 short session of hills or faster running to your week, with little or no pain.",
    sessions: [
      "Keep your other runs easy and on flat ground.",
      "Try 4 to 6 short efforts up a gentle hill or a little faster, walking back between them.",
      "Each week, add hills or speed, but not both.",
      "Hop on each leg in turn: both legs should feel strong and not hurt.",
    ],
    painLimit: 2,
    minWeeks: 1,
  },
];

/** The stage with this number; out-of-range or non-whole numbers are read as the nearest stage. */
export function stageAt(number: number): Stage {
  const n = Number.isFinite(number) ? Math.trunc(number) : 1;
  // In range after clamping: STAGES is never empty.
  return STAGES[Math.min(Math.max(n, 1), STAGES.length) - 1] as Stage;
}
