import type { Route } from '../router';
import { AnalyseScreen } from './AnalyseScreen';
import { ClipsScreen } from './ClipsScreen';
import { CompareScreen } from './CompareScreen';
import { ReviewScreen } from './ReviewScreen';
import '../report/report.css';
import '../history/history.css';
import './clips.css';

type ClipRoute = Extract<Route, { name: 'clips' | 'clip' | 'compare' | 'analyse' }>;

export function isClipRoute(route: Route): route is ClipRoute {
  return (
    route.name === 'clips' ||
    route.name === 'clip' ||
    route.name === 'compare' ||
    route.name === 'analyse'
  );
}

/** The clip screens (issue 7), by route. */
export function ClipScreens({ route }: { readonly route: ClipRoute }) {
  switch (route.name) {
    case 'clips':
      return <ClipsScreen />;
    case 'clip':
      return <ReviewScreen key={route.clipId} clipId={route.clipId} />;
    case 'compare':
      return (
        <CompareScreen
          key={`${route.leftId}/${route.rightId}`}
          leftId={route.leftId}
          rightId={route.rightId}
        />
      );
    case 'analyse':
      return <AnalyseScreen />;
  }
}
