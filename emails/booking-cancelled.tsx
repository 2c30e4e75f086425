// Sent when an appointment is cancelled. The cancelling calendar file is attached by
// lib/notifications/render.ts. There is no manage link any more: to book again, start the form.
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
import type { BookingCancelledProps } from "./types";

export function subject({ clinic, appointment }: BookingCancelledProps): string {
  return oneLine(`Your appointment at ${clinic.name} on ${appointment.when} is cancelled`);
}

export default function BookingCancelled({ clinic, firstName, appointment, formUrl }: BookingCancelledProps) {
  return (
    <EmailLayout clinic={clinic} preview={`Your appointment on ${whenWithZone(appointment)} is cancelled.`}>
      <Title>Your appointment is cancelled</Title>
      <Greeting firstName={firstName} />
      <Paragraph>We have cancelled this appointment:</Paragraph>
      <Prominent>{whenWithZone(appointment)}</Prominent>
      <Paragraph>
        With {appointment.clinician}, {appointment.clinicianRole}
      </Paragraph>

      <Subheading>If you want to book again</Subheading>
      <Paragraph>Fill in our form again and you can choose a new time.</Paragraph>
      <ActionButton href={formUrl}>Fill in the form</ActionButton>
      <Paragraph>Or call us on {clinic.phone}.</Paragraph>

      <Paragraph>We have attached a calendar file. Open it to remove the appointment from your calendar.</Paragraph>
    </EmailLayout>
  );
}

BookingCancelled.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  appointment: SAMPLE_APPOINTMENT,
  formUrl: "https://book.riverside-spine.example/intake",
} satisfies BookingCancelledProps;
