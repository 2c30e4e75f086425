// The patient asked for a new link to their "My back" page (they entered their email and date of
// birth). Nothing about their back: only the link.
import { ActionButton, EmailLayout, Greeting, oneLine, Paragraph, SAMPLE_CLINIC, Title } from "./layout";
import type { MyBackLinkProps } from "./types";

export function subject({ clinic }: MyBackLinkProps): string {
  return oneLine(`Your link from ${clinic.name}`);
}

export default function MyBackLink({ clinic, firstName, myBackUrl }: MyBackLinkProps) {
  return (
    <EmailLayout clinic={clinic} preview="Here is the link to your private page that you asked for.">
      <Title>Your private page</Title>
      <Greeting firstName={firstName} />
      <Paragraph>You asked for a new link to your private page. Here it is.</Paragraph>
      <ActionButton href={myBackUrl}>Open My back</ActionButton>
      <Paragraph>
        The link works for 90 days and is private to you: please do not share it. If you did not ask for it, you can
        ignore this email.
      </Paragraph>
    </EmailLayout>
  );
}

MyBackLink.PreviewProps = {
  clinic: SAMPLE_CLINIC,
  firstName: "Alex",
  myBackUrl: "https://book.riverside-spine.example/my/sample",
} satisfies MyBackLinkProps;
