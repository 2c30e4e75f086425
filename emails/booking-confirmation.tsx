// Sent when a patient books: the appointment's details, what to bring, and the private manage link.
// The calendar file (appointment.ics) is attached by lib/notifications/render.ts.
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
import type { BookingConfirmationProps } from "./types";

export function subject({ clinic, appointment }: BookingConfirmationProps): string {
  return oneLine(`Your appointment at ${clinic.name} on ${appointment.when}`);
}

export default function BookingConfirmation(props: BookingConfirmationProps) {
  const { clinic, firstName, appointment, manageUrl, whatToBring, cutoffHours } = props;
  return (
    <EmailLayout clinic={clinic} preview={`Your appointment is booked for ${whenWithZone(appointment)}.`}>
      <Title>Your appointment is booked</Title>
      <Greeting firstName={firstName} />
      <Paragraph>Thank you for booking with us. Your appointment is on:</Paragraph>
      <Prominent>{whenWithZone(appointment)}</Prominent>
      <AppointmentFacts appointment={appointment} clinic={clinic} showWhen={false} />

      <BringAndChange
        whatToBring={whatToBring}
        heading="If you need to change it"
        intro="You can view, move or cancel your appointment online."
        manageUrl={manageUrl}
        cutoffHours={cutoffHours}
        phone={clinic.phone}
      />
      <Paragraph>This link is private to you, so please do not share it.</Paragraph>

      <Paragraph>We have attached a calendar file. Open it to add the appointment to your calendar.</Paragraph>
    </EmailLayout>
  );
}

BookingConfirmation.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  appointment: SAMPLE_APPOINTMENT,
  manageUrl: "https://book.riverside-spine.example/appointments/manage/sample-token",
  whatToBring: SAMPLE_WHAT_TO_BRING,
  cutoffHours: 24,
} satisfies BookingConfirmationProps;
