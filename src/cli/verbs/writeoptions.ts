// What the verbs that write the objects of -f/-k files share in their options (create, replace).
import type { DryRun, OutputFormat } from '../flags/output';
import type { fieldValidation } from '../flags/validate';
import type { FilenameFlags } from '../resource/builder';

export interface FileWriteOptions {
  files: FilenameFlags;
  dryRun: DryRun;
  validation: ReturnType<typeof fieldValidation>;
  /** --save-config: the object's last-applied configuration recorded as it is written. */
  saveConfig: boolean;
  output: OutputFormat;
  /** --record's change cause, when recording. */
  changeCause?: string;
}
