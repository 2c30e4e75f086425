// For the patient: the clinic has looked at the answers they sent. It says nothing about what the
// clinic decided (no level, no clinical word): the private result page says what to do next.
import { ActionButton, EmailLayout, Greeting, oneLine, Paragraph, SAMPLE_CLINIC, Title } from "./layout";
import type { LevelReviewedProps } from "./types";

export function subject({ clinic }: LevelReviewedProps): string {
  return oneLine(`${clinic.name} has looked at your answers`);
}

export default function LevelReviewed({ clinic, firstName, submittedOn, resultUrl }: LevelReviewedProps) {
  return (
    <EmailLayout clinic={clinic} preview="Please open your BackTrack page to see what to do next.">
      <Title>The clinic has looked at your answers</Title>
      <Greeting firstName={firstName} />
      <Paragraph>The clinic has looked at the answers you sent on {submittedOn}.</Paragraph>
      <Paragraph>Please open your BackTrack page to see what to do next.</Paragraph>
      <ActionButton href={resultUrl}>Open your BackTrack page</ActionButton>
      <Paragraph>
        The link is private to you: please do not share it. If you have a question, call us on {clinic.phone}.
      </Paragraph>
    </EmailLayout>
  );
}

LevelReviewed.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  submittedOn: "Tuesday 1 December 2026",
  resultUrl:
    "https://book.riverside-spine.example/intake/5b0c8f7e-2a51-4c55-9d7b-0f1e2d3c4b5a/result?key=5b0c8f7e-2a51-4c55-9d7b-0f1e2d3c4b5a.sample",
} satisfies LevelReviewedProps;
