// Sent the day before an appointment. No calendar file: the booking email already added it.
import {
  ActionButton, AppointmentFacts, BulletList, CutoffNote, EmailLayout, Greeting, oneLine, Paragraph, Prominent,
  SAMPLE_APPOINTMENT, SAMPLE_CLINIC, SAMPLE_WHAT_TO_BRING, Subheading, Title, whenWithZone,
} from "./layout";
import type { AppointmentReminderProps } from "./types";

export function subject({ clinic, appointment }: AppointmentReminderProps): string {
  return oneLine(`Reminder: your appointment at ${clinic.name} on ${appointment.when}`);
}

export default function AppointmentReminder(props: AppointmentReminderProps) {
  const { clinic, firstName, appointment, manageUrl, whatToBring, cutoffHours } = props;
  return (
    <EmailLayout clinic={clinic} preview={`See you on ${whenWithZone(appointment)}.`}>
      <Title>See you tomorrow</Title>
      <Greeting firstName={firstName} />
      <Paragraph>This is a reminder of your appointment:</Paragraph>
      <Prominent>{whenWithZone(appointment)}</Prominent>
      <AppointmentFacts appointment={appointment} clinic={clinic} showWhen={false} />

      <Subheading>What to bring</Subheading>
      <BulletList items={whatToBring} />

      <Subheading>If you cannot come</Subheading>
      <Paragraph>Please let us know, so someone else can have the time.</Paragraph>
      <ActionButton href={manageUrl}>View, move or cancel</ActionButton>
      <CutoffNote cutoffHours={cutoffHours} phone={clinic.phone} />
    </EmailLayout>
  );
}

AppointmentReminder.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  appointment: SAMPLE_APPOINTMENT,
  manageUrl: "https://book.riverside-spine.example/appointments/manage/sample-token",
  whatToBring: SAMPLE_WHAT_TO_BRING,
  cutoffHours: 24,
} satisfies AppointmentReminderProps;
