// The EmergencyAdvice component as the server renders it: on a phone the first thing in the card
// must be the first instruction, with a big call button when an ambulance comes first.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmergencyAdvice } from "@/app/intake/_components/emergency-advice";

const render = (props: Partial<Parameters<typeof EmergencyAdvice>[0]> = {}) =>
  renderToStaticMarkup(
    <EmergencyAdvice
      firedRuleIds={["E9", "E1"]}
      version="2026.12"
      answers={null}
      emergencyNumber="999"
      sent
      {...props}
    />,
  );

/** The markup inside the card (the section), with tags removed between text. */
function card(html: string): string {
  return html.slice(html.indexOf("<section"));
}

describe("EmergencyAdvice", () => {
  it("starts the card with the first instruction as the page heading", () => {
    const html = card(render());
    expect(html).toMatch(/^<section[^>]*><h1[^>]*>Call an ambulance now<\/h1>/);
  });

  it("shows a call button with the clinic's number right after an ambulance instruction", () => {
    const html = card(render());
    const button = html.indexOf('href="tel:999"');
    expect(button).toBeGreaterThan(0);
    expect(button).toBeLessThan(html.indexOf("Possible emergency with your aorta"));
    expect(html).toContain("Call 999");
  });

  it("puts the call button at the end when going to the emergency department comes first", () => {
    const html = card(render({ firedRuleIds: ["E1"] }));
    expect(html).toMatch(/^<section[^>]*><h1[^>]*>Go to an emergency department now<\/h1>/);
    expect(html.indexOf('href="tel:999"')).toBeGreaterThan(html.indexOf("Take this page with you"));
  });

  it("has no call link when no emergency number is set, and says the emergency number in words", () => {
    const html = render({ emergencyNumber: null });
    expect(html).not.toContain("tel:");
    expect(html).toContain("Call the emergency number now and ask for an ambulance.");
  });

  it("shows the level as text, and uses an h2 below another page heading", () => {
    const html = render({ headingLevel: 2, idPrefix: "seen" });
    expect(html).toContain("Emergency: go now");
    expect(html).toMatch(/<h2 id="seen-first"[^>]*>Call an ambulance now<\/h2>/);
  });

  it("says the clinic is told only if the answers are sent, before they are", () => {
    expect(render({ sent: false })).toContain("The clinic is told only if you send your answers.");
  });
});
