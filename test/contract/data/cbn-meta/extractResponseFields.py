# Derives {path: goType} of each response body from the Go SDK's struct tags (facts only, not code).
import json, re, subprocess, sys
repo, commit, out = sys.argv[1], sys.argv[2], sys.argv[3]
actions = sys.argv[4:]
def snake(a): return re.sub(r'(?<!^)(?=[A-Z])', '_', a).lower()
for a in actions:
    src = subprocess.run(['git','-C',repo,'show',f'{commit}:client/{snake(a)}_response_body_model.go'],capture_output=True,text=True,check=True).stdout
    structs = {}; cur=None
    for line in src.splitlines():
        m = re.match(r'^type (\w+) struct \{', line)
        if m: cur = m.group(1); structs[cur]=[]; continue
        if line.startswith('}'): cur=None; continue
        m = re.match(r'^\s+(\w+)\s+(\S+)\s+`json:"(\w+)', line)
        if cur and m: structs[cur].append((m.group(3), m.group(2)))
    fields = {}
    def walk(name, prefix):
        for key, t in structs[name]:
            base = t.lstrip('*').replace('[]*','').replace('[]','')
            isList = t.startswith('[]')
            path = prefix + key + ('[]' if isList else '')
            if base in structs:
                fields[path] = 'array' if isList else 'object'
                walk(base, path + '.')
            else:
                fields[path] = ('array<' + base + '>') if isList else base
    walk(a + 'ResponseBody', '')
    json.dump({'action': a, 'fields': fields}, open(f'{out}/{a}.json','w'), indent=1, sort_keys=True)
    open(f'{out}/{a}.json','a').write('\n')
