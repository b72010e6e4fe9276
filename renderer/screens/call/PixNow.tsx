import { useEffect, useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import QRCode from 'qrcode';
import { isValidPixPayload, pixPayload } from '../../../shared/pix';
import { formatBRL } from '../../../shared/money';
import type { StoreIdentity } from '../../../shared/collection/templates';
import classes from './Call.module.css';

/** The store's static PIX for today's amount, or null when the store has no valid key. */
export function pixNow(store: StoreIdentity & { state?: string }, amountCents: number, customerName: string): string | null {
  if (!store.pixKey.trim() || amountCents <= 0) return null;
  try {
    const txid = `LIG${customerName.replace(/[^A-Za-z]/g, '').slice(0, 8).toUpperCase()}${Date.now().toString(36).toUpperCase()}`.slice(0, 25);
    const payload = pixPayload({ key: store.pixKey, merchantName: store.name, merchantCity: store.city || store.state || 'BRASIL', amountCents, txid });
    return isValidPixPayload(payload) ? payload : null;
  } catch {
    return null;
  }
}

/**
 * "O carnê não chegou / perdi o carnê" (CALLS.md): the parcela is still due, so make paying easy now — the PIX
 * copia e cola for today's amount, with its QR, to send or read; the second copy of the carnê comes from Vendas.
 */
export function PixNow({ store, amountCents, customerName }: { store: StoreIdentity & { state?: string }; amountCents: number; customerName: string }) {
  const [payload] = useState(() => pixNow(store, amountCents, customerName));
  const [qr, setQr] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (payload) void QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 1, width: 240 }).then(setQr);
  }, [payload]);
  return (
    <section className={classes.panel} aria-label="Pagar agora">
      <Text size="sm" fw={600} mb={4}>
        Facilite o pagamento agora: {formatBRL(amountCents)}
      </Text>
      {payload ? (
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {qr && <img src={qr} alt={`QR Code PIX de ${formatBRL(amountCents)}`} width={96} height={96} />}
          <div style={{ minWidth: 0 }}>
            <Text size="xs" c="dimmed">
              PIX copia e cola (valor de hoje)
            </Text>
            <Text size="xs" style={{ wordBreak: 'break-all' }} lineClamp={3}>
              {payload}
            </Text>
            <Button size="xs" variant="light" mt={4} onClick={() => void navigator.clipboard?.writeText(payload).then(() => setCopied(true))}>
              {copied ? 'Copiado' : 'Copiar o PIX'}
            </Button>
          </div>
        </Group>
      ) : (
        <Text size="sm">Sem chave PIX cadastrada: o pagamento é na loja.</Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        A segunda via do carnê sai em Vendas; confira o endereço no cadastro.
      </Text>
    </section>
  );
}
