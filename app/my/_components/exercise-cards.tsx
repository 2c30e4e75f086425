import { EXERCISES, FIGURE_WORDS, PURPOSE_WORDS, type FigureKey } from "@/lib/programme";
import styles from "./exercise-cards.module.css";

type Drawing = {
  /** Centre of the head. */
  head: [number, number];
  /** Body and limbs, each a polyline "x,y x,y …". */
  lines: string[];
  /** A towel or strap, drawn dashed. */
  strap?: string;
};

// Side views on a 120x80 grid, the floor at y=72, the person facing left (head) or right (kneeling).
const DRAWINGS: Record<FigureKey, Drawing> = {
  bridge: { head: [14, 64], lines: ["21,68 58,50 80,42 90,70", "24,69 46,70"] },
  bird_dog: {
    head: [35, 30],
    lines: ["40,35 45,40 78,40", "45,40 45,70", "45,40 13,38", "78,40 76,70 98,70", "78,40 112,35"],
  },
  knee_plank: { head: [19, 42], lines: ["24,46 30,49 86,70 106,58", "30,49 31,70 50,70"] },
  clam: { head: [14, 62], lines: ["21,66 60,66", "60,67 82,70 102,67", "60,65 80,44 102,65"] },
  side_leg_lift: { head: [14, 62], lines: ["21,66 60,66", "60,67 108,69", "60,65 104,44"] },
  knee_to_chest: { head: [14, 64], lines: ["21,68 62,68 108,69", "62,68 42,42 62,44", "25,67 39,47"] },
  hip_flexor_stretch: {
    head: [54, 12],
    lines: ["54,18 56,44", "56,44 40,70 16,70", "56,44 80,46 82,70 94,70", "55,24 74,42"],
  },
  hamstring_stretch: {
    head: [14, 64],
    lines: ["21,68 60,68", "60,68 84,18", "60,68 80,50 94,70", "26,67 52,44"],
    strap: "52,44 86,14",
  },
};

/** One simple stick figure, drawn in the text colour. */
function Figure({ figure }: { figure: FigureKey }) {
  const d = DRAWINGS[figure];
  return (
    <svg className={styles.figure} viewBox="0 0 120 80" role="img" aria-label={FIGURE_WORDS[figure]}>
      <line x1="4" y1="73" x2="116" y2="73" stroke="currentColor" strokeWidth="2" strokeOpacity="0.35" />
      <g fill="none" stroke="currentColor" strokeWidth="3.5" strokeLinecap="round" strokeLinejoin="round">
        {d.lines.map((points) => (
          <polyline key={points} points={points} />
        ))}
        {d.strap && <polyline points={d.strap} strokeWidth="2" strokeDasharray="4 3" />}
      </g>
      <circle cx={d.head[0]} cy={d.head[1]} r="6" fill="currentColor" />
    </svg>
  );
}

/** The exercise cards: a drawing, what the exercise is for, numbered steps, how much, and when to stop. */
export function ExerciseCards() {
  return (
    // list-style is removed for the card grid; role="list" keeps the list for Safari's VoiceOver.
    <ul className={styles.cards} role="list">
      {EXERCISES.map((exercise) => (
        <li key={exercise.id} className={styles.card}>
          <h3 className={styles.name}>{exercise.name}</h3>
          <p className={styles.purpose}>{PURPOSE_WORDS[exercise.purpose]}</p>
          <Figure figure={exercise.figure} />
          <ol className={styles.steps}>
            {exercise.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
          <p className={styles.dose}>
            <strong>How much:</strong> {exercise.dose}
          </p>
          <p className={styles.stop}>
            <span className={styles.stopIcon} aria-hidden="true">
              !
            </span>
            <span>{exercise.stopIf}</span>
          </p>
        </li>
      ))}
    </ul>
  );
}
