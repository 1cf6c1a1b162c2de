import { SIGNATURE_HEIGHT, SIGNATURE_WIDTH } from '../intake/signature';

/**
 * A kept finger signature drawn from its path (moves and lines in the signature pad's box, as
 * Signature allows and nothing else), or a dash when the visitor did not sign.
 */
export function SignatureImage({ path, label }: { path: string | null; label: string }) {
  if (!path) return <span aria-label={label}>—</span>;
  return (
    <svg
      className="tefap-signature"
      viewBox={`0 0 ${SIGNATURE_WIDTH} ${SIGNATURE_HEIGHT}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMidYMid meet"
    >
      <path d={path} fill="none" stroke="#111" strokeWidth={6} strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
