"use client";

import { useState, useSyncExternalStore } from "react";
import type { ChangeEvent, ReactNode } from "react";
import { BodyFigure } from "./body-figure";
import styles from "./body-map.module.css";
import { REGION_HINTS, REGION_LABELS, REGIONS } from "@/lib/intake-form/regions";
import type { Region } from "@/lib/intake-form/regions";

export type BodyMapProps = {
  /** The regions ticked when the page loads, e.g. the answers echoed back after a failed submit. */
  defaultSelected: readonly Region[];
  error?: string;
  /** Id of the error message, for an error summary to point at; defaults to `${id}-error`. */
  errorId?: string;
  legend?: ReactNode;
  /** Id of the first checkbox, the one an error summary links to. */
  id?: string;
};

const noSubscription = () => () => {};

/** False in the server HTML and during hydration, true once React runs in the browser. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/**
 * "Where does it hurt?": a checkbox list (the form fields, `name="regions"`, complete on its own and
 * working without JavaScript) beside a picture of a body whose regions tick and untick the same boxes.
 */
export function BodyMap({
  defaultSelected,
  error,
  errorId,
  legend = "Where does it hurt? Choose all that apply",
  id = "regions",
}: BodyMapProps) {
  const [selected, setSelected] = useState<ReadonlySet<Region>>(() => new Set(defaultSelected));
  const interactive = useHydrated();
  const messageId = errorId ?? `${id}-error`;

  const set = (region: Region, on: boolean) =>
    setSelected((prev) => {
      if (prev.has(region) === on) return prev;
      const next = new Set(prev);
      if (on) next.add(region);
      else next.delete(region);
      return next;
    });
  const toggle = (region: Region) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(region)) next.add(region);
      return next;
    });

  const className = interactive ? `${styles.root} ${styles.interactive}` : styles.root;
  return (
    <fieldset className={className} aria-describedby={error ? messageId : undefined}>
      <legend className={styles.legend}>{legend}</legend>
      {error ? (
        <p id={messageId} className={styles.error}>
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      ) : null}
      <div className={styles.layout}>
        <div className={styles.columns}>
          <div className={styles.list}>
            {REGIONS.map((region, i) => {
              const inputId = i === 0 ? id : `${id}-${region}`;
              const hint = REGION_HINTS[region];
              return (
                <label key={region} className={styles.option}>
                  <input
                    className={styles.checkbox}
                    type="checkbox"
                    id={inputId}
                    name="regions"
                    value={region}
                    checked={selected.has(region)}
                    onChange={(e: ChangeEvent<HTMLInputElement>) => set(region, e.currentTarget.checked)}
                    aria-invalid={error ? true : undefined}
                    aria-labelledby={hint ? `${inputId}-label` : undefined}
                    aria-describedby={hint ? `${inputId}-hint` : undefined}
                  />
                  <span className={styles.label}>
                    <span id={`${inputId}-label`}>{REGION_LABELS[region]}</span>
                    {hint ? (
                      <span id={`${inputId}-hint`} className={styles.optionHint}>
                        {hint}
                      </span>
                    ) : null}
                  </span>
                </label>
              );
            })}
          </div>
          <BodyFigure selected={selected} onToggle={toggle} interactive={interactive} />
        </div>
      </div>
    </fieldset>
  );
}
