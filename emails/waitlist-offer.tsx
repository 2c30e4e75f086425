// Sent to a waiting patient when a time comes free that suits them: the time, how long it is held
// for them, and one private link to take it or let it go. No clinical detail; the link carries no
// answers, only a random key.
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
import type { WaitlistOfferProps } from "./types";

export function subject({ clinic, appointment }: WaitlistOfferProps): string {
  return oneLine(`A time has come up at ${clinic.name}: ${appointment.when}`);
}

export default function WaitlistOffer({
  clinic,
  firstName,
  appointment,
  heldUntil,
  offerUrl,
  earlier,
}: WaitlistOfferProps) {
  return (
    <EmailLayout clinic={clinic} preview={`A time on ${whenWithZone(appointment)} is held for you until ${heldUntil}.`}>
      <Title>A time has come up for you</Title>
      <Greeting firstName={firstName} />
      <Paragraph>
        You are on our waiting list, and this time has just become free. It suits the days and times you gave us:
      </Paragraph>
      <Prominent>{whenWithZone(appointment)}</Prominent>
      <Paragraph>
        With {appointment.clinician}, {appointment.clinicianRole}. {appointment.durationMinutes} minutes.
      </Paragraph>
      {earlier ? (
        <Paragraph>It is earlier than your appointment on {earlier}. If you take it, that one is given up.</Paragraph>
      ) : null}

      <Subheading>We are holding it for you until {heldUntil}</Subheading>
      <Paragraph>After that we offer it to the next person waiting. You stay on the list either way.</Paragraph>
      <ActionButton href={offerUrl}>Take this time or let it go</ActionButton>
      <Paragraph>The link works once, for this time only. Or call us on {clinic.phone}.</Paragraph>
    </EmailLayout>
  );
}

WaitlistOffer.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  appointment: SAMPLE_APPOINTMENT,
  heldUntil: "10:30 am (New York time)",
  offerUrl: "https://book.riverside-spine.example/waitlist/offer/abc",
  earlier: null,
} satisfies WaitlistOfferProps;
