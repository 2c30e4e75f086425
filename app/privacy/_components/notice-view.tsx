import Link from "next/link";
import { formatLongDate } from "@/lib/booking/format";
import { PRIVACY_PAGE_TEXT } from "@/lib/content";
import { noticeBlocks } from "@/lib/privacy/format";
import type { PrivacyNotice } from "@/lib/privacy/notice";
import styles from "./privacy.module.css";

type Props = { notice: PrivacyNotice; clinicName: string; timeZone: string; current: boolean };

/**
 * A privacy notice: its version and date, then its text as headings, paragraphs and lists. Every
 * piece is rendered as text by React (lib/privacy/format.ts makes blocks, never HTML), so a notice
 * can say "<script>" and it is just those characters.
 */
export function NoticeView({ notice, clinicName, timeZone, current }: Props) {
  const date = notice.publishedAt ? formatLongDate(notice.publishedAt, timeZone) : null;
  return (
    <article className={styles.page} aria-labelledby="notice-title">
      <h1 id="notice-title">{PRIVACY_PAGE_TEXT.title}</h1>
      <p className={styles.meta}>
        {clinicName} · {PRIVACY_PAGE_TEXT.version(notice.id)}
        {date ? `, ${PRIVACY_PAGE_TEXT.published(date)}` : null}
      </p>
      {notice.version === null ? <p className={styles.meta}>{PRIVACY_PAGE_TEXT.builtIn}</p> : null}
      {current ? null : (
        <div className={styles.earlier} role="note">
          <p>{PRIVACY_PAGE_TEXT.earlier}</p>
          <p>
            <Link href="/privacy">{PRIVACY_PAGE_TEXT.readCurrent}</Link>
          </p>
        </div>
      )}
      {noticeBlocks(notice.body).map((block, i) =>
        block.kind === "heading" ? (
          block.level === 2 ? (
            <h2 key={i}>{block.text}</h2>
          ) : (
            <h3 key={i}>{block.text}</h3>
          )
        ) : block.kind === "list" ? (
          <ul key={i}>
            {block.items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>
            {block.lines.map((line, j) => (
              <span key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </span>
            ))}
          </p>
        ),
      )}
    </article>
  );
}
