// Sent the day before an appointment. No calendar file: the booking email already added it.
import {
  AppointmentFacts,
  BringAndChange,
  EmailLayout,
  Greeting,
  oneLine,
  Paragraph,
  Prominent,
  SAMPLE_APPOINTMENT,
  SAMPLE_CLINIC,
  SAMPLE_WHAT_TO_BRING,
  Title,
  whenWithZone,
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

      <BringAndChange
        whatToBring={whatToBring}
        heading="If you cannot come"
        intro="Please let us know, so someone else can have the time."
        manageUrl={manageUrl}
        cutoffHours={cutoffHours}
        phone={clinic.phone}
      />
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
