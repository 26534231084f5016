#!/usr/bin/env python3
"""Re-planning figures: per scenario, moved, rerouted, certified before/after,
time; against a naive re-solve from scratch. Usage: figures.py RALLY EDITION OUTDIR"""
import json, subprocess, sys, time, os, copy, datetime

rally, edition_path, out = sys.argv[1], sys.argv[2], sys.argv[3]
os.makedirs(out, exist_ok=True)
base = json.load(open(edition_path))
start = datetime.date.fromisoformat(base['calendar']['start'])
# End of the first and second calendar weeks (Friday).
first_fri = start + datetime.timedelta(days=(4 - start.weekday()) % 7)
W1 = first_fri.isoformat()
W2 = (first_fri + datetime.timedelta(days=7)).isoformat()
W2_MON = (first_fri + datetime.timedelta(days=3)).isoformat()


def run(args):
    t = time.time()
    p = subprocess.run([rally] + args, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    return time.time() - t, p


def check(ed, plan, extra):
    _, p = run(['check', ed, plan, '--json'] + extra)
    r = json.loads(p.stdout)
    people = {m['id']: m.get('size', 1) for m in json.load(open(ed))['groups']}
    cert = sum(people.get(m['member'], 1) for m in r['members'] if m['certified'])
    f = sum(1 for v in r['violations'] if v['rule'] in ('F1', 'F2'))
    return r, cert, f


old_plan = f'{out}/published.json'
t, _ = run(['solve', edition_path, '-o', old_plan, '--quiet'])
_, cert0, _ = check(edition_path, old_plan, [])
print(f'published: solve {t:.1f} s, certified {cert0} people')
old = json.load(open(old_plan))


def write(name, e):
    p = f'{out}/{name}.json'
    json.dump(e, open(p, 'w'), ensure_ascii=False)
    return p


withdrawn = []


def seats_note(ed, plan, report, date):
    """For the withdrawn workshop: per theme, the seats left after DATE in its
    territory against the people there who still need that theme after DATE
    (certificate asked, certifiable, not validated by what ran), and how many
    of them the re-plan certifies."""
    e = json.load(open(ed))
    p = json.load(open(plan))
    w = withdrawn[0]
    themes = {x['id']: x['themes'] for x in e['workshops']}
    terr = {v['id']: v['territory'] for v in e['venues']}
    where = {terr[s['venue']] for s in old['sessions'] if s['workshop'] == w}
    size = {g['id']: g['size'] for g in e['groups']}
    members = {m['id']: m for m in e['participants'] + e['groups']}
    default = e.get('rules', {}).get('certificate') or [t['id'] for t in e.get('themes', [])] or [
        'employers', 'realities', 'conditions', 'public', 'training', 'professions', 'career']
    at = {s['id']: s for s in p['sessions']}
    courses = {c['member']: c['sessions'] for c in p.get('courses', [])}
    status = {m['member']: m for m in report['members']}
    out = []
    for t in themes[w]:
        seats = sum(s['capacity'] for s in p['sessions']
                    if s['date'] > date and terr[s['venue']] in where and t in themes[s['workshop']])
        need = got = 0
        for mid, m in members.items():
            ran = {x for s in courses.get(mid, []) if at[s]['date'] <= date
                   for x in themes[at[s]['workshop']]}
            if (m.get('territory') in where and m.get('certificate', True)
                    and status[mid]['certifiable'] and t in m.get('themes', default)
                    and t not in ran):
                need += size.get(mid, 1)
                got += size.get(mid, 1) if status[mid]['certified'] else 0
        out.append(f'`{t}`: {seats} seats after {date} in {", ".join(sorted(where))} '
                   f'for {need} people who still need it; {got} of them certified')
    return f'{w} withdrawn: ' + '; '.join(out)


def scenarios():
    # Workshop withdrawn two weeks in: the one with most sessions after week 2.
    later = {}
    for s in old['sessions']:
        if s['date'] > W2:
            later[s['workshop']] = later.get(s['workshop'], 0) + 1
    w = max(later, key=lambda k: (later[k], k))
    withdrawn.append(w)
    e = copy.deepcopy(base)
    for x in e['workshops']:
        if x['id'] == w:
            x['availability'] = {'except': [{'from': (datetime.date.fromisoformat(W2) + datetime.timedelta(days=1)).isoformat()}]}
    yield 'workshop withdrawn after week 2', write('withdraw', e), ['--frozen-until', W2]
    # Venue closed for week 2: the busiest then.
    at = {}
    for s in old['sessions']:
        if W1 < s['date'] <= W2:
            at[s['venue']] = at.get(s['venue'], 0) + 1
    v = max(at, key=lambda k: (at[k], k))
    e = copy.deepcopy(base)
    for x in e['venues']:
        if x['id'] == v:
            x['availability'] = {'except': [{'from': W2_MON, 'to': W2}]}
    yield 'venue closed in week 2', write('venue', e), ['--frozen-until', W1]
    e = copy.deepcopy(base)
    late = [dict(p, id=f'late{i:02d}') for i, p in enumerate(e['participants'][:20])]
    e['participants'] += late
    yield '20 late registrations', write('late', e), ['--frozen-until', W1]
    # 15 participants missed their first session up to week 2.
    dates = {s['id']: s['date'] for s in old['sessions']}
    people_ids = {p['id'] for p in base['participants']}
    missed = {}
    for c in old['courses']:
        if c['member'] in people_ids and len(missed) < 15:
            ran = [s for s in c['sessions'] if dates[s] <= W2]
            if ran:
                missed[c['member']] = ran[0]
    by = {}
    for c in old['courses']:
        for s in c['sessions']:
            if dates[s] <= W2 and missed.get(c['member']) != s:
                by.setdefault(s, []).append(c['member'])
    att = f'{out}/attended.json'
    json.dump({'attended': [{'session': s, 'members': m} for s, m in sorted(by.items())]}, open(att, 'w'))
    yield '15 missed a session in weeks 1-2', edition_path, ['--frozen-until', W2, '--attended', att]
    yield 'no change, no date', edition_path, []


notes = []
print('| scenario | re-plan: moved | rerouted | certified before → after | time | '
      'naive re-solve: moved | rerouted | certified | F1/F2 broken |')
print('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for name, ed, extra in [x for x in scenarios() if len(sys.argv) < 5 or sys.argv[4] in x[0]]:
    new = f'{out}/re-{len(name)}.json'
    t, _ = run(['solve', ed, '-o', new, '--from', old_plan, '--quiet'] + extra)
    r, cert, f = check(ed, new, ['--from', old_plan] + extra)
    assert r['valid'], (name, r['violations'][:3])
    if name.startswith('workshop withdrawn'):
        notes.append(seats_note(ed, new, r, W2))
    pen = r['penalty']
    naive = f'{out}/naive-{len(name)}.json'
    run(['solve', ed, '-o', naive, '--quiet'])
    rn, certn, fn = check(ed, naive, ['--from', old_plan] + extra)
    same = open(new, 'rb').read() == open(old_plan, 'rb').read()
    print(f"| {name} | {pen['moved'] // 300} | {pen['rerouted'] // 40} | {cert0} → {cert} | {t:.1f} s"
          f"{' (same bytes)' if same else ''} | {rn['penalty']['moved'] // 300} | "
          f"{rn['penalty']['rerouted'] // 40} | {certn} | {fn} |")
for n in notes:
    print(n)
