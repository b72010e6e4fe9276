import { Box, Group, Title } from '@mantine/core';
import { CallingNow, ContactList, Disputes, FileBadges, FileFacts, FileHeading, OverdueList, OverdueTitle, PromiseList } from '../../components/CustomerFileParts';
import type { CallContext } from './call-types';
import classes from './Call.module.css';

/**
 * The customer's file (issue 7 §1) as the call screen's narrow panel: who they are, what is late today, what
 * happened before, whether to call now. The pieces are shared with the customer's page in Clientes.
 */
export function CustomerFile({ ctx }: { ctx: CallContext }) {
  return (
    <section className={classes.file} aria-labelledby="call-file-title">
      <Group gap="xs" wrap="wrap" mb={4}>
        <Title order={2} size="h3" id="call-file-title" m={0}>
          {ctx.customer.name}
        </Title>
      </Group>
      <Box mb="sm">
        <FileBadges ctx={ctx} />
      </Box>
      <Box mb="sm">
        <CallingNow ctx={ctx} />
      </Box>
      <FileFacts ctx={ctx} />
      <OverdueTitle ctx={ctx} />
      <OverdueList ctx={ctx} />
      <Disputes ctx={ctx} />
      <FileHeading>Últimos contatos</FileHeading>
      <ContactList ctx={ctx} limit={4} />
      {ctx.promises.length > 0 && (
        <>
          <FileHeading>Promessas</FileHeading>
          <PromiseList ctx={ctx} limit={3} />
        </>
      )}
    </section>
  );
}
