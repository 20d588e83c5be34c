import { qrCode, qrPath } from '../../ui/qrCode.js';

/** A QR code to show at a till, drawn as SVG with its quiet zone; `data-payload` says what it carries. */
export function QrImage({ payload, label }: { payload: string; label: string }) {
  const code = qrCode(payload);
  const quiet = 4;
  const side = code.size + 2 * quiet;
  return (
    <svg
      className="qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-payload={payload}
    >
      <rect width={side} height={side} fill="#fff" />
      <path d={qrPath(code, quiet)} fill="#000" />
    </svg>
  );
}
