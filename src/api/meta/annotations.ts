// Well-known annotation keys several layers read.

/** Where client-side apply records the configuration it last applied. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
