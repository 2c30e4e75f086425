// The EMERGENCY advice as a care card (NHS "immediate action required"): the first instruction is
// the first thing in the card, with a large call button when an ambulance is the first action;
// then the main card, the other cards' steps and "tell the staff" lines, and the closing lines.
// A server component (no state): the result page, the X1 page and the early-interrupt page use it.
import { emergencyAdvice, LEVEL_COPY, type EmergencyAdvice as Advice, type EmergencyAdviceInput } from "@/lib/content";
import styles from "./emergency-advice.module.css";

export type EmergencyAdviceProps = EmergencyAdviceInput & {
  /** The first instruction is the page's h1 (the result and interrupt pages) or an h2 (below another h1). */
  headingLevel?: 1 | 2;
  /** Prefix for element ids, when the component appears twice on a page. */
  idPrefix?: string;
};

/** The EMERGENCY cards for the fired rules (or for `cards`), most urgent action first. */
export function EmergencyAdvice({ headingLevel = 1, idPrefix = "emergency", ...input }: EmergencyAdviceProps) {
  return <EmergencyAdviceView advice={emergencyAdvice(input)} headingLevel={headingLevel} idPrefix={idPrefix} />;
}

/** The same, for advice already worked out (lib/content `emergencyAdvice`). */
export function EmergencyAdviceView({
  advice,
  headingLevel = 1,
  idPrefix = "emergency",
}: {
  advice: Advice;
  headingLevel?: 1 | 2;
  idPrefix?: string;
}) {
  const H = headingLevel === 1 ? "h1" : "h2";
  const Sub = headingLevel === 1 ? "h2" : "h3";
  const Minor = headingLevel === 1 ? "h3" : "h4";
  const { first, call, main, others, closing } = advice;
  const headingId = `${idPrefix}-first`;
  const callButton = call.href ? (
    <p className={styles.callRow}>
      <a className={first.ambulance ? styles.callButton : styles.callButtonSecondary} href={call.href}>
        <span aria-hidden="true" className={styles.phoneIcon}>
          ☎
        </span>{" "}
        {call.label}
        {first.ambulance ? null : " for an ambulance"}
      </a>
    </p>
  ) : null;

  return (
    <div className={styles.wrap} data-emergency-advice>
      <p className={styles.label}>
        <span className={styles.icon} aria-hidden="true">
          !
        </span>
        {LEVEL_COPY.EMERGENCY.label}
      </p>
      <section className={styles.card} aria-labelledby={headingId}>
        <H id={headingId} className={styles.first}>
          {first.heading}
        </H>
        <ul className={styles.firstLines}>
          {first.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {first.ambulance ? callButton : null}

        <Sub className={styles.title}>{main.title}</Sub>
        {main.why.map((line) => (
          <p key={line}>{line}</p>
        ))}
        <Steps steps={main.steps} tellStaff={main.tellStaff} Heading={Minor} />

        {others.map((card) => (
          <div key={card.id} className={styles.other}>
            <Sub className={styles.otherTitle}>Also: {lowerFirst(card.title)}</Sub>
            <Steps steps={card.steps} tellStaff={card.tellStaff} Heading={Minor} />
          </div>
        ))}

        <div className={styles.closing}>
          {closing.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
        {first.ambulance ? null : callButton}
      </section>
    </div>
  );
}

function Steps({
  steps,
  tellStaff,
  Heading,
}: {
  steps: readonly string[];
  tellStaff: readonly string[];
  Heading: "h3" | "h4";
}) {
  return (
    <>
      {steps.length ? (
        <ul>
          {steps.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      ) : null}
      {tellStaff.length ? (
        <>
          <Heading className={styles.tellHeading}>What to tell them</Heading>
          <ul>
            {tellStaff.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
