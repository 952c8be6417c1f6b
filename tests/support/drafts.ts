/**
 * @module
 * Drafts for tests that exercise the engine rather than the analysis.
 */
import type { Analysis, NoteDraft } from "../../src/protocol/messages.ts";

/** An analysis that found nothing. */
export const NO_ANALYSIS: Analysis = {
  summary: [],
  keyPoints: [],
  keyphrases: [],
  tags: [],
  people: [],
  organizations: [],
  places: [],
  terms: [],
};

/** A minimal draft for a note with this title and body. */
export function plainDraft(
  title: string,
  body: string,
  sourceHash: string,
  overrides: Partial<NoteDraft> = {},
): NoteDraft {
  return {
    title,
    type: "text",
    sourceHash,
    sourceBytes: body.length,
    wordCount: body.split(/\s+/).filter(Boolean).length,
    body,
    analysis: NO_ANALYSIS,
    ...overrides,
  };
}
