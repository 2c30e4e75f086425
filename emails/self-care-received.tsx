// Sent after an intake whose result is advice to look after the back at home. It repeats the
// advice and the warning signs, and says when we will check in. It never names the result.
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
import type { SelfCareReceivedProps } from "./types";

/** Never the patient's name: a subject is what inbox lists and lock screens show. */
export function subject(_props: SelfCareReceivedProps): string {
  return "Thanks for filling in your form";
}

/** 14 → "2 weeks", 10 → "10 days". */
function checkInWhen(days: number): string {
  if (days > 0 && days % 7 === 0) return days === 7 ? "1 week" : `${days / 7} weeks`;
  return days === 1 ? "1 day" : `${days} days`;
}

export default function SelfCareReceived(props: SelfCareReceivedProps) {
  const { clinic, firstName, sections, warningSigns, checkInDays, formUrl } = props;
  return (
    <EmailLayout clinic={clinic} preview="Here is the advice from your form, to keep for the next few weeks.">
      <Title>Thank you for filling in your form</Title>
      <Greeting firstName={firstName} />
      <Paragraph>
        Here is the advice you saw after you filled in the form, so you can keep it. Most back pain gets better on its
        own within a few weeks.
      </Paragraph>

      <Callout>
        <Subheading>{warningSigns.heading}</Subheading>
        <BulletList items={warningSigns.signs} />
        <Paragraph>{warningSigns.action}</Paragraph>
      </Callout>

      {sections.map((section, i) => (
        <div key={i}>
          <Subheading>{section.title}</Subheading>
          <BulletList items={section.points} />
        </div>
      ))}

      <Subheading>What happens next</Subheading>
      <Paragraph>We will email you in about {checkInWhen(checkInDays)} to ask how your back is.</Paragraph>
      <Paragraph>
        If your back is not getting better, or it gets worse, fill in the form again or call us on {clinic.phone}.
      </Paragraph>
      <ActionButton href={formUrl}>Fill in the form again</ActionButton>
    </EmailLayout>
  );
}

SelfCareReceived.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  sections: [
    {
      title: "Keep moving",
      points: [
        "Stay as active as you can, and keep up your normal day as much as possible.",
        "Short walks spread through the day are a good place to start.",
      ],
    },
    {
      title: "If you run: let the pain guide you",
      points: [
        "You may not need to stop running completely. A mild ache that stays the same can be OK.",
        "Stop, or run less, if the pain gets stronger during a run.",
      ],
    },
  ],
  warningSigns: SAMPLE_WARNING_SIGNS,
  checkInDays: 14,
  formUrl: "https://book.riverside-spine.example/intake",
} satisfies SelfCareReceivedProps;
