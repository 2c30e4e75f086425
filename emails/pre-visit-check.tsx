// Sent a few days before an appointment (the clinic's setting): a short check through one private
// link. The email asks nothing itself and names nothing clinical; the questions are on the page.
import {
  ActionButton,
  EmailLayout,
  Greeting,
  oneLine,
  Paragraph,
  Prominent,
  SAMPLE_APPOINTMENT,
  SAMPLE_CLINIC,
  Subheading,
  Title,
  whenWithZone,
} from "./layout";
import type { PreVisitCheckProps } from "./types";

export function subject({ clinic }: PreVisitCheckProps): string {
  return oneLine(`A short check before your visit to ${clinic.name}`);
}

export default function PreVisitCheck({ clinic, firstName, appointment, checkUrl, cutoffHours }: PreVisitCheckProps) {
  const hours = cutoffHours === 1 ? "1 hour" : `${cutoffHours} hours`;
  return (
    <EmailLayout clinic={clinic} preview={`A short check before your visit on ${whenWithZone(appointment)}.`}>
      <Title>A short check before your visit</Title>
      <Greeting firstName={firstName} />
      <Paragraph>Your appointment is on:</Paragraph>
      <Prominent>{whenWithZone(appointment)}</Prominent>
      <Paragraph>
        With {appointment.clinician}, {appointment.clinicianRole}.
      </Paragraph>
      <Paragraph>
        Before you come, please tell us how you are now. It is a few questions and takes about a minute. Your answers
        help us get your visit right.
      </Paragraph>
      <ActionButton href={checkUrl}>Answer the short check</ActionButton>

      <Subheading>If you no longer need the time</Subheading>
      <Paragraph>
        If you are much better, the check lets you give the time back, so someone else can have it. You can do this
        online until {hours} before your appointment. After that, please call us on {clinic.phone}.
      </Paragraph>
      <Paragraph>The link is private to you. Please do not share it.</Paragraph>
    </EmailLayout>
  );
}

PreVisitCheck.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  appointment: SAMPLE_APPOINTMENT,
  checkUrl: "https://book.riverside-spine.example/appointments/check/sample-token",
  cutoffHours: 24,
} satisfies PreVisitCheckProps;
