import { useEffect, useState } from 'react';
import { PrintPending } from '../PrintPending';
import { Alert, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { call, ApiCallError } from '../../api';
import { formatBRL } from '../../../shared/money';
import type { ReceiptColumns, ReceiptData } from '../../../shared/receipt-text';
import { PrintFrame } from '../PrintFrame';
import { ReceiptA4 } from './ReceiptA4';
import { Receipt80 } from './Receipt80';

export type ReceiptFormat = 'a4' | '80mm';

interface PrintingSettings {
  printing: { receiptColumns: ReceiptColumns; accentFree: boolean };
}

/**
 * A payment's receipt, ready to print: A4, or the 80 mm thermal page (`@page { size: 80mm auto }`; left out,
 * Electron would send A4 and shrink it — CONVENTIONS.md "Receipts"). The clerk may switch format on screen.
 */
export function ReceiptPrint({ paymentId, format: initial, onClose }: { paymentId: string; format: ReceiptFormat; onClose(): void }) {
  const [format, setFormat] = useState<ReceiptFormat>(initial);
  const [receipt, setReceipt] = useState<ReceiptData | null>(null);
  const [printing, setPrinting] = useState<PrintingSettings['printing']>({ receiptColumns: 48, accentFree: false });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => setFormat(initial), [initial]);

  useEffect(() => {
    let alive = true;
    Promise.all([call<ReceiptData>('payments.receipt', { paymentId }), call<PrintingSettings>('settings.get', {})])
      .then(([r, s]) => {
        if (!alive) return;
        setReceipt(r);
        if (s.printing) setPrinting(s.printing);
      })
      .catch((e: unknown) => alive && setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir o recibo.'));
    return () => {
      alive = false;
    };
  }, [paymentId]);

  const thermal = format === '80mm';
  const title = receipt ? `Recibo ${receipt.receiptNumber}` : 'Recibo';
  const subtitle = receipt
    ? `${receipt.customerName} · ${formatBRL(receipt.amountCents)} · ${thermal ? `bobina de 80 mm, ${printing.receiptColumns} colunas${printing.accentFree ? ', sem acentos' : ''}` : 'folha A4'}`
    : undefined;

  return (
    <PrintFrame
      title={title}
      subtitle={subtitle}
      pageSize={thermal ? '80mm auto' : 'A4'}
      ready={!!receipt}
      notice={receipt ? <Notices receipt={receipt} format={format} onFormat={setFormat} /> : undefined}
      onClose={onClose}
    >
      {error || !receipt ? (
        <PrintPending error={error} what="o recibo" onClose={onClose} />
      ) : thermal ? (
        <Receipt80 receipt={receipt} columns={printing.receiptColumns} accentFree={printing.accentFree} />
      ) : (
        <ReceiptA4 receipt={receipt} />
      )}
    </PrintFrame>
  );
}

/** On screen only: the format switch, and what the owner should fill in before receipts go out. */
function Notices({ receipt, format, onFormat }: { receipt: ReceiptData; format: ReceiptFormat; onFormat(f: ReceiptFormat): void }) {
  const missing = [!receipt.store.cnpj.trim() && 'o CNPJ', !receipt.store.address.trim() && 'o endereço', !receipt.store.city.trim() && 'a cidade'].filter(Boolean) as string[];
  return (
    <Stack gap="xs" maw={820} mx="auto">
      <Group justify="center" gap="sm">
        <Text size="sm" c="dimmed" id="receipt-format-label">
          Formato
        </Text>
        <SegmentedControl
          aria-labelledby="receipt-format-label"
          value={format}
          onChange={(v) => onFormat(v as ReceiptFormat)}
          data={[
            { value: '80mm', label: 'Bobina 80 mm' },
            { value: 'a4', label: 'Folha A4' },
          ]}
        />
      </Group>
      {missing.length > 0 && (
        <Alert color="yellow" variant="light" title={`Falta ${joinPt(missing)} da loja no recibo`}>
          Um recibo válido identifica a loja (CNPJ e endereço) e o lugar do pagamento. O dono pode preencher em Configurações (F8); depois, imprima de novo.
        </Alert>
      )}
    </Stack>
  );
}

const joinPt = (items: string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} e ${items[items.length - 1]}`);
