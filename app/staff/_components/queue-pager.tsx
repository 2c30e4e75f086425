import Link from "next/link";
import styles from "./staff.module.css";

/**
 * "First page" and "Next page" under a case list. Paging is by cursor (`after`), so there is no
 * "Previous page": the first page is the way back. Both links keep the list's filters.
 */
export function QueuePager({
  path,
  filters,
  after,
  next,
}: {
  /** The list's own path, e.g. "/staff". */
  path: string;
  /** The filters to carry over, by query parameter; empty ones are left out of the links. */
  filters: Record<string, string | undefined>;
  /** The cursor of the page shown (none on the first page). */
  after: string | undefined;
  /** The cursor of the next page, or null on the last page. */
  next: string | null;
}) {
  const keep = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => !!e[1]));
  const nextHref = next ? `${path}?${new URLSearchParams({ ...Object.fromEntries(keep), after: next })}` : null;
  return (
    <div className={styles.pager}>
      {after ? <Link href={`${path}?${keep}`}>First page</Link> : <span />}
      {nextHref ? <Link href={nextHref}>Next page</Link> : null}
    </div>
  );
}
