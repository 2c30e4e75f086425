// Sent when a patient moves an appointment: the new time first, the old one beneath it.
// The updated calendar file (same event, higher sequence) is attached by lib/notifications/render.ts.
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
import type { BookingRescheduledProps } from "./types";

export function subject({ clinic, appointment }: BookingRescheduledProps): string {
  return oneLine(`Your appointment at ${clinic.name} has moved to ${appointment.when}`);
}

export default function BookingRescheduled(props: BookingRescheduledProps) {
  const { clinic, firstName, appointment, previousWhen, manageUrl, whatToBring, cutoffHours } = props;
  return (
    <EmailLayout clinic={clinic} preview={`Your appointment is now ${whenWithZone(appointment)}.`}>
      <Title>Your appointment has moved</Title>
      <Greeting firstName={firstName} />
      <Paragraph>Your appointment is now on:</Paragraph>
      <Prominent>{whenWithZone(appointment)}</Prominent>
      <Paragraph>It was: {whenWithZone({ when: previousWhen, zone: appointment.zone })}</Paragraph>
      <AppointmentFacts appointment={appointment} clinic={clinic} showWhen={false} />

      <BringAndChange
        whatToBring={whatToBring}
        heading="If you need to change it"
        intro="You can view, move or cancel your appointment online."
        manageUrl={manageUrl}
        cutoffHours={cutoffHours}
        phone={clinic.phone}
      />

      <Paragraph>
        We have attached an updated calendar file. Open it to move the appointment in your calendar.
      </Paragraph>
    </EmailLayout>
  );
}

BookingRescheduled.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  appointment: { ...SAMPLE_APPOINTMENT, when: "Thursday 3 December 2026 at 2:30 pm" },
  previousWhen: "Wednesday 2 December 2026 at 9:00 am",
  manageUrl: "https://book.riverside-spine.example/appointments/manage/sample-token",
  whatToBring: SAMPLE_WHAT_TO_BRING,
  cutoffHours: 24,
} satisfies BookingRescheduledProps;
