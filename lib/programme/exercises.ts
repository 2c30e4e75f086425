// Exercise cards for the return-to-run plan: core and hip strength, and flexibility. The seed
// article names bridging and "superman" work, planks, hip strength to the side and in rotation,
// knee-to-chest, and leg and hip stretches; these cards are gentle versions of those, in our words.

export const FIGURE_KEYS = [
  "bridge",
  "bird_dog",
  "knee_plank",
  "clam",
  "side_leg_lift",
  "knee_to_chest",
  "hip_flexor_stretch",
  "hamstring_stretch",
] as const;
/** Which drawing a card shows: one simple stick figure per key. */
export type FigureKey = (typeof FIGURE_KEYS)[number];

/** A screen reader's description of each drawing. */
export const FIGURE_WORDS: Record<FigureKey, string> = {
  bridge: "A person lying on their back with knees bent and hips lifted off the floor",
  bird_dog: "A person on hands and knees reaching 1 arm forward and the opposite leg back",
  knee_plank: "A person resting on their forearms and knees with a straight back",
  clam: "A person lying on their side with knees bent, lifting the top knee",
  side_leg_lift: "A person lying on their side lifting the straight top leg",
  knee_to_chest: "A person lying on their back hugging 1 knee towards their chest",
  hip_flexor_stretch: "A person kneeling on 1 knee with the other foot in front, leaning the hips forward",
  hamstring_stretch: "A person lying on their back lifting 1 straight leg with a towel around the foot",
};

export type ExercisePurpose = "core" | "hip" | "flexibility";

export const PURPOSE_WORDS: Record<ExercisePurpose, string> = {
  core: "Core strength",
  hip: "Hip strength",
  flexibility: "Flexibility",
};

export type Exercise = {
  id: string;
  name: string;
  purpose: ExercisePurpose;
  steps: string[];
  dose: string;
  /** A whole sentence starting "Stop if". */
  stopIf: string;
  figure: FigureKey;
};

const STOP_SPREADING = "Stop if pain spreads into your buttock or leg, or if you feel a sharp pain.";

export const EXERCISES: readonly Exercise[] = [
  {
    id: "bridge",
    name: "Bridge",
    purpose: "core",
    steps: [
      "Lie on your back with your knees bent and your feet flat on the floor.",
      "Tighten your tummy and squeeze your bottom.",
      "Lift your hips until your shoulders, hips and knees make a straight line.",
      "Hold for 5 seconds, then lower your hips slowly.",
    ],
    dose: "10 times, 2 or 3 rounds, on most days. It also makes a good warm-up before a run.",
    stopIf: STOP_SPREADING,
    figure: "bridge",
  },
  {
    id: "bird_dog",
    name: "Bird dog",
    purpose: "core",
    steps: [
      "Kneel on all fours with your hands under your shoulders and your knees under your hips.",
      "Keep your back flat and still, like a table top.",
      "Reach your right arm forward and your left leg back until they are in line with your body.",
      "Hold for 5 seconds, come back to the start, then swap sides.",
    ],
    dose: "8 to 10 times on each side, 2 rounds, on most days.",
    stopIf: STOP_SPREADING,
    figure: "bird_dog",
  },
  {
    id: "knee_plank",
    name: "Plank from your knees",
    purpose: "core",
    steps: [
      "Lie on your front and rest on your forearms, with your elbows under your shoulders.",
      "Tighten your tummy and lift your hips so you are in a straight line from your shoulders to your knees.",
      "Look at the floor and keep breathing.",
      "Hold for 10 to 20 seconds, then lower down and rest.",
    ],
    dose: "5 times, with a short rest in between, on most days.",
    stopIf: STOP_SPREADING,
    figure: "knee_plank",
  },
  {
    id: "clam",
    name: "Clam",
    purpose: "hip",
    steps: [
      "Lie on your side with your knees bent and your feet together.",
      "Keep your feet touching and your hips still.",
      "Lift your top knee as far as is comfortable, like a shell opening.",
      "Lower it slowly. Do all of them, then turn over and do the other side.",
    ],
    dose: "10 to 15 times on each side, 2 or 3 rounds, on most days.",
    stopIf: "Stop if you feel pain in your hip or back, or pain spreading into your leg.",
    figure: "clam",
  },
  {
    id: "side_leg_lift",
    name: "Side-lying leg lift",
    purpose: "hip",
    steps: [
      "Lie on your side and bend your bottom knee a little to help you balance.",
      "Keep your top leg straight, with your toes pointing forward.",
      "Lift your top leg slowly to a little above hip height.",
      "Lower it slowly. Do all of them, then turn over and do the other side.",
    ],
    dose: "10 to 15 times on each side, 2 or 3 rounds, on most days.",
    stopIf: "Stop if you feel pain in your hip or back, or pain spreading into your leg.",
    figure: "side_leg_lift",
  },
  {
    id: "knee_to_chest",
    name: "Knee-to-chest stretch",
    purpose: "flexibility",
    steps: [
      "Lie on your back with your knees bent.",
      "Hold your right knee with both hands and gently pull it towards your chest.",
      "Hold for 20 to 30 seconds and breathe slowly.",
      "Lower your leg and do the same with your left knee.",
    ],
    dose: "3 times on each side, 1 or 2 times a day.",
    stopIf: "Stop if the stretch turns into pain, or if pain spreads into your buttock or leg.",
    figure: "knee_to_chest",
  },
  {
    id: "hip_flexor_stretch",
    name: "Front-of-hip stretch",
    purpose: "flexibility",
    steps: [
      "Kneel on your right knee on a cushion, with your left foot flat on the floor in front of you.",
      "Stand your body up tall and squeeze your bottom.",
      "Move your hips forward gently until you feel a stretch at the front of your right hip.",
      "Hold for 20 to 30 seconds, then swap sides.",
    ],
    dose: "3 times on each side, on most days and after a run.",
    stopIf: "Stop if the stretch turns into pain in your back or knee.",
    figure: "hip_flexor_stretch",
  },
  {
    id: "hamstring_stretch",
    name: "Back-of-thigh stretch",
    purpose: "flexibility",
    steps: [
      "Lie on your back with both knees bent, and put a towel around your right foot.",
      "Hold both ends of the towel and straighten your right leg up towards the ceiling.",
      "Stop when you feel a gentle stretch at the back of your thigh.",
      "Hold for 20 to 30 seconds, then swap sides.",
    ],
    dose: "3 times on each side, on most days and after a run.",
    stopIf: "Stop if you feel tingling, numbness or pain going down your leg.",
    figure: "hamstring_stretch",
  },
];
