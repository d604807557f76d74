// cronjobs: NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE | CONTAINERS IMAGES SELECTOR (v1.32's printCronJob)
import type { CronJob } from '../../api/types';
import { age } from '../age';
import type { TableDef } from './table';
import { containerImages, containerNames, selectorText } from './workload';

export const cronJobTable: TableDef<CronJob> = {
  columns: [
    { name: 'Name', cell: (cj) => cj.metadata.name ?? '' },
    { name: 'Schedule', cell: (cj) => cj.spec.schedule ?? '' },
    { name: 'Timezone', cell: (cj) => cj.spec.timeZone ?? '<none>' },
    { name: 'Suspend', cell: (cj) => (cj.spec.suspend === undefined ? '<unset>' : cj.spec.suspend ? 'True' : 'False') },
    { name: 'Active', cell: (cj) => String(cj.status?.active?.length ?? 0) },
    { name: 'Last Schedule', cell: (cj, c) => (cj.status?.lastScheduleTime ? age(cj.status.lastScheduleTime, c.now) : '<none>') },
    { name: 'Age', cell: (cj, c) => age(cj.metadata.creationTimestamp, c.now) },
    { name: 'Containers', priority: 1, cell: (cj) => containerNames(cj.spec.jobTemplate?.spec?.template) },
    { name: 'Images', priority: 1, cell: (cj) => containerImages(cj.spec.jobTemplate?.spec?.template) },
    { name: 'Selector', priority: 1, cell: (cj) => selectorText(cj.spec.jobTemplate?.spec?.selector) },
  ],
};
