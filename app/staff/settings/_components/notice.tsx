import staff from "../../_components/staff.module.css";

/** What the last change did, shown at the top of its section. */
export function Notice({ text }: { text: string }) {
  return (
    <p className={staff.notice} role="status">
      ✓ {text}
    </p>
  );
}
