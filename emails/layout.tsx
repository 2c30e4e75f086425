// The shared frame for every email, plus small building blocks the templates use. Plain, calm
// styling with inline styles (email clients ignore most stylesheets), no images, readable on a phone.
import {
  Body,
  Button,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Link,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import type { CSSProperties, ReactNode } from "react";
import type { AppointmentDetails, ClinicBrand } from "./types";

// Colours chosen for contrast: body text ~14:1 and links/button ~7:1 against white.
const INK = "#1f2933";
const MUTED = "#4a5561";
const BRAND = "#0b4f8a";
const LINE = "#d6dbe1";
const FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

const styles = {
  body: { backgroundColor: "#f3f5f7", margin: 0, padding: "16px 0", fontFamily: FONT, color: INK },
  container: {
    backgroundColor: "#ffffff",
    maxWidth: "600px",
    margin: "0 auto",
    padding: "24px",
    border: `1px solid ${LINE}`,
    borderRadius: "6px",
  },
  brand: { fontSize: "18px", lineHeight: "26px", fontWeight: 700, color: BRAND, margin: "0 0 16px" },
  h1: { fontSize: "24px", lineHeight: "32px", fontWeight: 700, color: INK, margin: "0 0 16px" },
  h2: { fontSize: "19px", lineHeight: "28px", fontWeight: 700, color: INK, margin: "24px 0 8px" },
  text: { fontSize: "16px", lineHeight: "24px", color: INK, margin: "0 0 16px" },
  prominent: { fontSize: "20px", lineHeight: "28px", fontWeight: 700, color: INK, margin: "0 0 4px" },
  list: { fontSize: "16px", lineHeight: "24px", color: INK, margin: "0 0 16px", paddingLeft: "24px" },
  listItem: { margin: "0 0 8px" },
  details: { margin: "0 0 16px" },
  detail: { fontSize: "16px", lineHeight: "24px", color: INK, margin: "0 0 4px" },
  button: {
    backgroundColor: BRAND,
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    lineHeight: "24px",
    textDecoration: "none",
    borderRadius: "4px",
    padding: "12px 20px",
    display: "inline-block",
  },
  buttonWrap: { margin: "8px 0 24px" },
  link: { color: BRAND, textDecoration: "underline" },
  warning: { borderLeft: `6px solid ${INK}`, backgroundColor: "#f3f5f7", padding: "12px 16px", margin: "24px 0" },
  hr: { borderColor: LINE, margin: "24px 0 16px" },
  footer: { fontSize: "14px", lineHeight: "22px", color: MUTED, margin: "0 0 4px" },
} satisfies Record<string, CSSProperties>;

type LayoutProps = {
  clinic: ClinicBrand;
  /** The line inbox lists show after the subject. */
  preview: string;
  /** Show the "if you think this is an emergency" line (patient emails; staff alerts leave it out). */
  emergencyNote?: boolean;
  children: ReactNode;
};

export function EmailLayout({ clinic, preview, emergencyNote = true, children }: LayoutProps) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
      </Head>
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>{clinic.name}</Text>
          {children}
          <Hr style={styles.hr} />
          {clinic.myBackUrl && (
            <Text style={styles.footer}>
              Your appointments, advice and progress are on your private page:{" "}
              <Link href={clinic.myBackUrl} style={styles.link}>
                My back
              </Link>
              .
            </Text>
          )}
          {clinic.stopUrl && (
            <Text style={styles.footer}>
              Do not want these check-in emails?{" "}
              <Link href={clinic.stopUrl} style={styles.link}>
                Stop them
              </Link>
              . Emails about your appointments still come.
            </Text>
          )}
          {emergencyNote && (
            <Text style={styles.footer}>
              If you think this is an emergency, go to the nearest emergency department.
            </Text>
          )}
          <Text style={styles.footer}>{clinic.name}</Text>
          {clinic.address && <Text style={styles.footer}>{clinic.address}</Text>}
          <Text style={styles.footer}>Phone: {clinic.phone}</Text>
          {clinic.email && (
            <Text style={styles.footer}>
              Email:{" "}
              <Link href={`mailto:${clinic.email}`} style={styles.link}>
                {clinic.email}
              </Link>
            </Text>
          )}
        </Container>
      </Body>
    </Html>
  );
}

export function Title({ children }: { children: ReactNode }) {
  return (
    <Heading as="h1" style={styles.h1}>
      {children}
    </Heading>
  );
}

export function Subheading({ children }: { children: ReactNode }) {
  return (
    <Heading as="h2" style={styles.h2}>
      {children}
    </Heading>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={styles.text}>{children}</Text>;
}

/** Large bold text for the one fact that matters most (an appointment time). */
export function Prominent({ children }: { children: ReactNode }) {
  return <Text style={styles.prominent}>{children}</Text>;
}

const NAME_MAX = 40;
const NAME_WORDS = 3;

/**
 * The first name as a patient email may show it, or "" for none. Anyone can make the clinic email
 * any address with a first name of their choosing, so the name is the only free text an email
 * echoes, and only when it reads as a name: control and invisible format characters (a
 * right-to-left override) removed, spaces collapsed, at most 3 words and 40 characters; letters,
 * apostrophes, hyphens and initials only. A name with a link, an address, markup or digits in it
 * ("Alex, reset your password at evil.example") is left out: the email just says "Hello,".
 */
export function greetingName(firstName: string): string {
  const clean = firstName
    .replace(/[\p{Cc}\p{Cf}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!/^[\p{L}\p{M}'’. -]+$/u.test(clean) || /\p{L}\.\p{L}{2}/u.test(clean)) return "";
  let name = "";
  for (const word of clean.split(" ").slice(0, NAME_WORDS)) {
    const next = name ? `${name} ${word}` : word;
    if (Array.from(next).length > NAME_MAX) break;
    name = next;
  }
  // A first word longer than the limit is cut (by characters, never inside one).
  return name || Array.from(clean).slice(0, NAME_MAX).join("");
}

/** "Hello Alex," or just "Hello," when there is no name to show (see greetingName). */
export function Greeting({ firstName }: { firstName: string }) {
  const name = greetingName(firstName);
  return <Paragraph>{name ? `Hello ${name},` : "Hello,"}</Paragraph>;
}

export function BulletList({ items }: { items: readonly string[] }) {
  return (
    <ul style={styles.list}>
      {items.map((item, i) => (
        <li key={i} style={styles.listItem}>
          {item}
        </li>
      ))}
    </ul>
  );
}

/** A button that, in the plain-text part, becomes its label followed by the address. */
export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={styles.buttonWrap}>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
    </Section>
  );
}

export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} style={styles.link}>
      {children}
    </Link>
  );
}

/** A boxed block that stands out (the warning signs). */
export function Callout({ children }: { children: ReactNode }) {
  return <Section style={styles.warning}>{children}</Section>;
}

/** "Wednesday 2 December 2026 at 9:00 am (New York time)" */
export function whenWithZone(appointment: Pick<AppointmentDetails, "when" | "zone">): string {
  return `${appointment.when} (${appointment.zone})`;
}

/** The appointment's facts as label and value lines (these read well in plain text too). */
export function AppointmentFacts({
  appointment,
  clinic,
  showWhen = true,
}: {
  appointment: AppointmentDetails;
  clinic: ClinicBrand;
  showWhen?: boolean;
}) {
  const rows: [string, string][] = [
    ...(showWhen ? [["When", whenWithZone(appointment)] as [string, string]] : []),
    ["Appointment", `${appointment.durationMinutes} minutes`],
    ["With", `${appointment.clinician}, ${appointment.clinicianRole}`],
    ["Where", clinic.address ? `${clinic.name}, ${clinic.address}` : clinic.name],
  ];
  return (
    <Section style={styles.details}>
      {rows.map(([label, value]) => (
        <Text key={label} style={styles.detail}>
          <strong>{label}:</strong> {value}
        </Text>
      ))}
    </Section>
  );
}

/** "Online changes close 24 hours before…" with the clinic's phone for later changes. */
export function CutoffNote({ cutoffHours, phone }: { cutoffHours: number; phone: string }) {
  const hours = cutoffHours === 1 ? "1 hour" : `${cutoffHours} hours`;
  return (
    <Paragraph>
      You can make changes online until {hours} before your appointment. After that, please call us on {phone}.
    </Paragraph>
  );
}

/**
 * The end of every appointment email: what to bring, then how to view, move or cancel online
 * (with the cut-off), under a heading and a sentence that suit the email.
 */
export function BringAndChange({
  whatToBring,
  heading,
  intro,
  manageUrl,
  cutoffHours,
  phone,
}: {
  whatToBring: readonly string[];
  heading: string;
  intro: string;
  manageUrl: string;
  cutoffHours: number;
  phone: string;
}) {
  return (
    <>
      <Subheading>What to bring</Subheading>
      <BulletList items={whatToBring} />

      <Subheading>{heading}</Subheading>
      <Paragraph>{intro}</Paragraph>
      <ActionButton href={manageUrl}>View, move or cancel</ActionButton>
      <CutoffNote cutoffHours={cutoffHours} phone={phone} />
    </>
  );
}

/** Subjects are one line of plain text: no line breaks from names or settings. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The clinic used by every template's PreviewProps. */
export const SAMPLE_CLINIC: ClinicBrand = {
  name: "Riverside Spine & Sports Clinic",
  address: "14 Riverside Drive, Springfield",
  phone: "(555) 010-0100",
  email: "hello@riverside-spine.example",
};

/** The appointment used by the appointment templates' PreviewProps. */
export const SAMPLE_APPOINTMENT: AppointmentDetails = {
  when: "Wednesday 2 December 2026 at 9:00 am",
  zone: "New York time",
  clinician: "Sam Okafor",
  clinicianRole: "Physiotherapist",
  durationMinutes: 45,
};

export const SAMPLE_WHAT_TO_BRING: readonly string[] = [
  "Comfortable clothes you can move in, and your running shoes if you run.",
  "A list of any medicines you take.",
  "Any scans or letters about your back.",
];

/** The warning signs as the previews show them (the app passes lib/content's WARNING_SIGNS). */
export const SAMPLE_WARNING_SIGNS = {
  heading: "Go to an emergency department now if you get any of these",
  signs: [
    "Numbness or tingling between your legs, around your genitals or around your back passage (anus)",
    "New difficulty passing urine (peeing), or not being able to pass urine at all. If you cannot pass urine at all, call an ambulance.",
    "Leaking urine, or not feeling urine when it passes",
    "Loss of control of your bowels, or not feeling when your bowel is full or when you poo",
    "Weakness in both legs",
  ],
  action:
    "Do not wait for an appointment or a phone call. Do not drive yourself. Call an ambulance if you cannot get there safely.",
};
