/** Only local paths are followed after a redirect parameter (no open redirect). */
export const safeLocalPath = (value: unknown): string =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
