// Sent about two weeks after an intake whose result was advice at home: a short "how is it going?".
// Things may have changed since, so it repeats the warning signs (the same for everyone: no
// clinical detail about the patient).
import { ActionButton, BulletList, Callout, EmailLayout, Greeting, oneLine, Paragraph, SAMPLE_CLINIC, Subheading, Title } from "./layout";
import type { SelfCareCheckinProps, SelfCareReceivedProps } from "./types";

/** The check-in's props: the warning signs are the same fixed list the advice email carries. */
export type SelfCareCheckinEmailProps = SelfCareCheckinProps & Pick<SelfCareReceivedProps, "warningSigns">;

export function subject({ firstName }: SelfCareCheckinProps): string {
  const name = firstName.trim();
  return oneLine(name ? `How is your back, ${name}?` : "How is your back?");
}

export default function SelfCareCheckin({ clinic, firstName, formUrl, warningSigns }: SelfCareCheckinEmailProps) {
  return (
    <EmailLayout clinic={clinic} preview="It has been about 2 weeks since you filled in our form. We hope you are feeling better.">
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
  warningSigns: {
    heading: "Go to an emergency department now if you get any of these",
    signs: [
      "Numbness or tingling between your legs, around your genitals or around your back passage (anus)",
      "New difficulty passing urine (peeing), or not being able to pass urine at all. If you cannot pass urine at all, call an ambulance.",
      "Leaking urine, or not feeling urine when it passes",
      "Loss of control of your bowels, or not feeling when your bowel is full or when you poo",
      "Weakness in both legs",
    ],
    action: "Do not wait for an appointment or a phone call. Do not drive yourself. Call an ambulance if you cannot get there safely.",
  },
} satisfies SelfCareCheckinEmailProps;
