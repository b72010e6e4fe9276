import { useEffect, useState } from 'react';
import { PrintPending } from '../PrintPending';
import { Alert, Stack } from '@mantine/core';
import QRCode from 'qrcode';
import { call, ApiCallError } from '../../api';
import type { SaleCarne } from '../../../shared/contract/ledger';
import { PRINT_PAGE_CLASS, PrintFrame } from '../PrintFrame';
import { CarneCoupon } from './CarneCoupon';
import { parcelaPix, pixProblem } from './carne-text';
import classes from './carne.module.css';

/** Coupons per A4 sheet (CONVENTIONS.md: 3–4; 3 leaves room for the PIX code and the stamp). */
export const COUPONS_PER_PAGE = 3;

const chunk = <T,>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));

/** The carnê of a sale, A4, ready to print: loads `sales.get`, draws the PIX codes, shows the sheets. */
export function CarnePrint({ saleId, onClose }: { saleId: string; onClose(): void }) {
  const [sale, setSale] = useState<SaleCarne | null>(null);
  const [qrs, setQrs] = useState<Record<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    call<SaleCarne>('sales.get', { id: saleId })
      .then(async (s) => {
        if (!alive) return;
        setSale(s);
        const codes: Record<string, string> = {};
        for (const p of s.installments) {
          const payload = parcelaPix(s.store, s.number, p.number, p.amountCents);
          // Medium error correction survives a crease or a stamp over the corner.
          if (payload) codes[p.id] = await QRCode.toDataURL(payload, { errorCorrectionLevel: 'M', margin: 1, width: 360 });
        }
        if (alive) setQrs(codes);
      })
      .catch((e: unknown) => alive && setError(e instanceof ApiCallError ? e.message : 'Não foi possível abrir o carnê.'));
    return () => {
      alive = false;
    };
  }, [saleId]);

  const installments = sale?.installments.filter((p) => !p.renegotiated) ?? [];
  const pages = chunk(installments, COUPONS_PER_PAGE);
  const title = sale ? `Carnê ${sale.number}` : 'Carnê';
  const subtitle = sale
    ? `${sale.customer.name} · ${installments.length} ${installments.length === 1 ? 'parcela' : 'parcelas'} · ${pages.length} ${pages.length === 1 ? 'folha' : 'folhas'} A4`
    : undefined;

  return (
    <PrintFrame title={title} subtitle={subtitle} pageSize="A4" ready={!!sale && !!qrs} notice={sale ? <Notices sale={sale} /> : undefined} onClose={onClose}>
      {error || !sale || !qrs ? (
        <PrintPending error={error} what="o carnê" onClose={onClose} />
      ) : (
        pages.map((coupons, i) => (
          <section key={i} className={`${PRINT_PAGE_CLASS} ${classes.page}`} aria-label={`Folha ${i + 1} de ${pages.length}`}>
            {coupons.map((p) => (
              <CarneCoupon key={p.id} sale={sale} installment={p} qr={qrs[p.id] ?? null} />
            ))}
          </section>
        ))
      )}
    </PrintFrame>
  );
}

/** What the owner should fix before handing carnês out; shown on screen, never printed. */
function Notices({ sale }: { sale: SaleCarne }) {
  const missing = [!sale.store.address.trim() && 'o endereço', !sale.store.cnpj.trim() && 'o CNPJ'].filter(Boolean) as string[];
  const pix = pixProblem(sale.store);
  if (!missing.length && !pix) return null;
  return (
    <Stack gap="xs" maw={820} mx="auto">
      {missing.length > 0 && (
        <Alert color="yellow" variant="light" title={`Falta ${missing.join(' e ')} da loja no carnê`}>
          A lei pede o nome, o CNPJ e o endereço da loja em todo documento de cobrança (CDC art. 42-A). O dono pode preencher em Configurações (F8); depois, imprima
          de novo.
        </Alert>
      )}
      {pix && (
        <Alert color="yellow" variant="light" title="O carnê sai sem o QR code PIX">
          {pix}
        </Alert>
      )}
    </Stack>
  );
}
