"use client";

import { useEffect, useRef } from "react";
import styles from "@/app/book/_components/book.module.css";

/**
 * A page's heading that takes focus when the page opens (a step of a journey, reached by a link or
 * a form): a screen reader starts reading there and Tab goes on to the page's first control.
 */
export function FocusHeading({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Keyed on the words: one step replacing another in the same place (the confirm step, then the
  // cancelled page after the form's redirect) keeps this element, and the new heading takes focus.
  useEffect(() => ref.current?.focus(), [children]);
  return (
    <h1 ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h1>
  );
}
