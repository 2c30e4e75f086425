import type { Metadata } from "next";
import { openApiDocument } from "@/lib/openapi/document";
import { apiReference } from "@/lib/openapi/reference";
import { GettingStarted } from "./_components/getting-started";
import { OperationSection } from "./_components/operation";
import styles from "./api.module.css";

export const metadata: Metadata = { title: "API reference" };

/**
 * The API reference, rendered on the server from the OpenAPI document (lib/openapi): the same
 * source as /api/openapi.json, so the page cannot say something the document does not.
 * data-staff-area: it is for integrators, so globals.css hides the patients' emergency note.
 */
export default function ApiReferencePage() {
  const doc = openApiDocument();
  const tags = apiReference(doc);
  return (
    <div className={styles.page} data-staff-area>
      <h1>API reference</h1>
      <p className={styles.lead}>
        {doc.info.title} {doc.info.version}: every public, staff and FHIR route, with who may call it and every error it
        can answer. The same as a machine-readable OpenAPI 3.1 document:{" "}
        <a href="/api/openapi.json" download>
          /api/openapi.json
        </a>
        .
      </p>
      <nav className={styles.contents} aria-labelledby="contents-title">
        <h2 id="contents-title">Contents</h2>
        <ul>
          <li>
            <a href="#getting-started">Getting started</a>
          </li>
          {tags.map((tag) => (
            <li key={tag.slug}>
              <a href={`#${tag.slug}`}>{tag.name}</a> <span className={styles.count}>({tag.operations.length})</span>
            </li>
          ))}
        </ul>
      </nav>
      <GettingStarted />
      {tags.map((tag) => (
        <section key={tag.slug} id={tag.slug} className={styles.section} aria-labelledby={`${tag.slug}-title`}>
          <h2 id={`${tag.slug}-title`}>{tag.name}</h2>
          <p className={styles.tagDescription}>{tag.description}</p>
          {tag.operations.map((op) => (
            <OperationSection key={op.id} op={op} />
          ))}
        </section>
      ))}
    </div>
  );
}
