// Sent about two weeks after an intake whose result was advice at home: a short "how is it going?".
// Things may have changed since, so it repeats the warning signs (the same for everyone: no
// clinical detail about the patient).
import {
  ActionButton,
  BulletList,
  Callout,
  EmailLayout,
  Greeting,
  Paragraph,
  SAMPLE_CLINIC,
  SAMPLE_WARNING_SIGNS,
  Subheading,
  Title,
} from "./layout";
import type { SelfCareCheckinProps, SelfCareReceivedProps } from "./types";

/** The check-in's props: the warning signs are the same fixed list the advice email carries. */
export type SelfCareCheckinEmailProps = SelfCareCheckinProps &
  Pick<SelfCareReceivedProps, "warningSigns"> & {
    /** The two-week recovery check-in on My back (emails queued since it existed). */
    checkinUrl?: string;
  };

/** Never the patient's name: a subject is what inbox lists and lock screens show. */
export function subject(_props: SelfCareCheckinProps): string {
  return "How is your back?";
}

export default function SelfCareCheckin({
  clinic,
  firstName,
  formUrl,
  warningSigns,
  checkinUrl,
}: SelfCareCheckinEmailProps) {
  return (
    <EmailLayout
      clinic={clinic}
      preview="It has been about 2 weeks since you filled in our form. We hope you are feeling better."
    >
      <Title>How is your back?</Title>
      <Greeting firstName={firstName} />
      <Paragraph>
        It has been about 2 weeks since you filled in our form. We hope your back is feeling better.
      </Paragraph>

      <Callout>
        <Subheading>{warningSigns.heading}</Subheading>
        <BulletList items={warningSigns.signs} />
        <Paragraph>{warningSigns.action}</Paragraph>
      </Callout>

      {checkinUrl ? (
        <>
          <Paragraph>
            A few short questions (about two minutes) tell us how you are doing and show you your progress.
          </Paragraph>
          <ActionButton href={checkinUrl}>Answer the check-in</ActionButton>
        </>
      ) : null}

      <Subheading>If it is better</Subheading>
      <Paragraph>You do not need to do anything. Keep moving and stay active.</Paragraph>

      <Subheading>If it is not better, or it is worse</Subheading>
      <Paragraph>Fill in the form again so we can see what help you need, or call us on {clinic.phone}.</Paragraph>
      <ActionButton href={formUrl}>Fill in the form again</ActionButton>
    </EmailLayout>
  );
}

SelfCareCheckin.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  formUrl: "https://book.riverside-spine.example/intake",
  warningSigns: SAMPLE_WARNING_SIGNS,
} satisfies SelfCareCheckinEmailProps;
