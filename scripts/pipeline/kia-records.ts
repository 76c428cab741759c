/** What one KIA plugin leaves on the tree for another (the risk overview reads the assessments). */
import type { Assessment } from '../model/instrument.ts';

/** What the overview needs to know about one assessed risk. */
export interface RiskRecord {
  id: string;
  label: string;
  question?: string;
  kans: Assessment;
  impact: Assessment;
  assessment: Assessment;
  derived: boolean;
}
