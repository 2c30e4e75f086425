"use client";

import { useEffect, useRef, useState } from "react";

/** The time chosen so far, beside Continue (with JavaScript; without it the radio shows it). */
export function ChosenTime() {
  const ref = useRef<HTMLOutputElement>(null);
  const [text, setText] = useState("");
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const update = () => {
      const checked = form.querySelector<HTMLInputElement>('input[name="slot"]:checked');
      setText(checked?.labels?.[0]?.textContent?.trim() ?? "");
    };
    update();
    form.addEventListener("change", update);
    return () => form.removeEventListener("change", update);
  }, []);
  return (
    <output ref={ref} aria-live="polite">
      {text ? `Chosen: ${text}` : "Choose a time"}
    </output>
  );
}
