import { Text, Title } from '@mantine/core';
import classes from './Today.module.css';

/** A section's heading with its count on the right ("Lembretes para enviar · 3 de 5"). */
export function SectionTitle({ id, title, count }: { id: string; title: string; count?: string }) {
  return (
    <div className={classes.sectionTitle}>
      <Title order={3} size="h4" id={id}>
        {title}
      </Title>
      {count && (
        <Text size="sm" c="dimmed" className={classes.figures}>
          {count}
        </Text>
      )}
    </div>
  );
}
