import type { AnswerKind } from '../types';
import type { Features } from './features';

/** A possible answer, before formatting: the text cut from one passage, and how sure we are. */
export interface Candidate {
  kind: AnswerKind;
  text: string;
  /** Index of the passage in the search index. */
  passage: number;
  confidence: number;
  /** The text is a sentence joined to the one before it, which it points back to ("… They try to …"): the last one answers. */
  joinedToPrevious?: boolean;
  /** For a list answer, the passage's items it shows, in order (so a translation can quote its original's). */
  items?: number[];
  /** What a structured intent knows of its candidate (which intent made it, how closely the name asked matched): features for the model. */
  signals?: Partial<Features>;
}
