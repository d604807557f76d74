// Language behaviour of the simulated shell, compared with real shells: every row below was
// recorded from dash 0.5.12 (invoked as sh) and busybox 1.35 ash (sh -c) and must come out byte
// for byte (stdout, stderr, exit status).
import { describe, expect, it } from "vitest";
import { runToEnd } from "../../src/sim/shell";
import { ShellSyntaxError, parseProgram } from "../../src/sim/shell/parse";
import { fakeHost } from "../helpers/shellhost";

const T0 = Date.parse("2026-11-26T12:00:00Z");

type Row = [flavor: "dash" | "ash", script: string, stdout: string, stderr: string, code: number];

/** Recorded from the real shells (HOME=/root). */
const RECORDED: Row[] = [
  ["dash","echo \"a  b\" c'd' \\$x","a  b cd $x\n","",0],
  ["dash","x=\"1 2  3\"; for w in $x; do echo \"[$w]\"; done; echo \"$x\"","[1]\n[2]\n[3]\n1 2  3\n","",0],
  ["dash","set -- a \"b c\" d; echo $#; for a in \"$@\"; do echo \"<$a>\"; done; for a in $*; do echo \"{$a}\"; done","3\n<a>\n<b c>\n<d>\n{a}\n{b}\n{c}\n{d}\n","",0],
  ["dash","echo ${u:-def} ${u-d2} ${#HOME} ${HOME:+set}; v=; echo \"${v:-empty}\" \"${v-unset}\"; echo ${w:=assigned} $w","def d2 5 set\nempty \nassigned assigned\n","",0],
  ["dash","p=/a/b/c.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}","a/b/c.tar.gz c.tar.gz /a/b/c.tar /a/b/c\n","",0],
  ["dash","echo $((3+4*2)) $((10/3)) $((10%3)) $(( (1+2)*3 )) $((1<<4)) $((5>3 && 2>1)) $((x=4)) $x","11 3 1 9 16 1 4 4\n","",0],
  ["dash","false; echo $?; true; echo $?; ! false; echo $?; false || echo or; true && echo and; false && echo no; echo $?","1\n0\n0\nor\nand\n1\n","",0],
  ["dash","i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i -eq 2 ] && continue; echo $i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo end $i","1\n3\nend 0\n","",0],
  ["dash","for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done; echo after","1\n2\nafter\n","",0],
  ["dash","f() { local x=in; echo $x $1 $#; }; x=out; f a b; echo $x","in a 2\nout\n","",0],
  ["dash","case \"hello\" in h*o) echo glob;; *) echo other;; esac; case x in a|x) echo alt;; esac; case z in a) ;; esac; echo $?","glob\nalt\n0\n","",0],
  ["dash","echo $(echo one; echo two) \"$(echo three)\"; y=$(printf \"%s-\" a b); echo $y","one two three\na-b-\n","",0],
  ["dash","printf \"%5s|%-5s|%03d|%x|%o|%c|%%|%s\\n\" ab cd 7 255 8 hello; printf \"%s,%s\\n\" 1 2 3; printf \"%.2f %e\\n\" 3.14159 1234.5","   ab|cd   |007|ff|10|h|%|\n1,2\n3,\n3.14 1.234500e+03\n","",0],
  ["dash","echo a | (read x; echo got $x); echo \"$x\"","got a\n\n","",0],
  ["dash","(exit 3); echo $?; (echo sub; exit 4) ; echo $?","3\nsub\n4\n","",0],
  ["dash","{ echo g1; echo g2; } | wc -l","2\n","",0],
  ["dash","echo one two three | tr a-z A-Z; echo hello | sed \"s/l/L/g\"; echo a:b:c | cut -d: -f2","ONE TWO THREE\nheLLo\nb\n","",0],
  ["dash","printf \"b\\na\\nc\\na\\n\" | sort | uniq -c; printf \"x\\ny\\n\" | grep -c y; printf \"x\\n\" | grep -q z; echo $?","      2 a\n      1 b\n      1 c\n1\n1\n","",0],
  ["dash","seq 1 3; seq 5 -2 1 | tr \"\\n\" \" \"; echo; expr 2 + 3 \\* 4; expr length hello; basename /x/y.sh .sh; dirname /x/y","1\n2\n3\n5 3 1 \n14\n5\ny\n/x\n","",0],
  ["dash","x=5; [ \"$x\" -gt 3 ] && echo big; [ -z \"\" ] && echo empty; [ abc != abd ] && echo ne; test 1 -eq 1 -a 2 -eq 2 && echo both","big\nempty\nne\nboth\n","",0],
  ["dash","echo start; exit 7; echo never","start\n","",7],
  ["dash","trap \"echo bye\" EXIT; echo main","main\nbye\n","",0],
  ["dash","set -e; echo a; false; echo b","a\n","",1],
  ["dash","set -e; if false; then :; fi; false || true; echo survived","survived\n","",0],
  ["dash","echo $((1/0)); echo after","","sh: 1: arithmetic expression: division by zero: \"1/0\"\n",2],
  ["dash","echo ${x?oops}; echo after","","sh: 1: x: oops\n",2],
  ["dash","echo hi >/dev/null; echo err 1>&2; echo both 2>&1","both\n","err\n",0],
  ["dash","cat <<EOF\nhello $HOME\n$(echo sub)\nEOF\ncat <<'E'\nraw $HOME\nE","hello /root\nsub\nraw $HOME\n","",0],
  ["dash","x=1; eval \"x=2; echo evaled\"; echo $x","evaled\n2\n","",0],
  ["dash","a=b; echo ${a}c \"${a}d\" '${a}'","bc bd ${a}\n","",0],
  ["dash","echo -n abc; echo def; echo \"a\\tb\"","abcdef\na\tb\n","",0],
  ["dash","IFS=:; set -- $(echo a:b:c); echo $#; echo \"$2\"","3\nb\n","",0],
  ["dash","n=0; for i in $(seq 1 10); do n=$((n+i)); done; echo $n","55\n","",0],
  ["dash","echo `echo a \\`echo b\\``","a b\n","",0],
  ["dash","shift 5; echo after","","sh: 1: shift: can't shift that many\n",2],
  ["dash","f() { echo f; }; f | tr f F","F\n","",0],
  ["dash","echo $0 $#","sh 0\n","",0],
  ["dash","readonly r=1; export e=2; echo $r $e","1 2\n","",0],
  ["dash","kill -l 15; type echo","TERM\necho is a shell builtin\n","",0],
  ["ash","echo \"a  b\" c'd' \\$x","a  b cd $x\n","",0],
  ["ash","x=\"1 2  3\"; for w in $x; do echo \"[$w]\"; done; echo \"$x\"","[1]\n[2]\n[3]\n1 2  3\n","",0],
  ["ash","set -- a \"b c\" d; echo $#; for a in \"$@\"; do echo \"<$a>\"; done; for a in $*; do echo \"{$a}\"; done","3\n<a>\n<b c>\n<d>\n{a}\n{b}\n{c}\n{d}\n","",0],
  ["ash","echo ${u:-def} ${u-d2} ${#HOME} ${HOME:+set}; v=; echo \"${v:-empty}\" \"${v-unset}\"; echo ${w:=assigned} $w","def d2 5 set\nempty \nassigned assigned\n","",0],
  ["ash","p=/a/b/c.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}","a/b/c.tar.gz c.tar.gz /a/b/c.tar /a/b/c\n","",0],
  ["ash","echo $((3+4*2)) $((10/3)) $((10%3)) $(( (1+2)*3 )) $((1<<4)) $((5>3 && 2>1)) $((x=4)) $x","11 3 1 9 16 1 4 4\n","",0],
  ["ash","false; echo $?; true; echo $?; ! false; echo $?; false || echo or; true && echo and; false && echo no; echo $?","1\n0\n0\nor\nand\n1\n","",0],
  ["ash","i=0; while [ $i -lt 3 ]; do i=$((i+1)); [ $i -eq 2 ] && continue; echo $i; done; until [ $i -eq 0 ]; do i=$((i-1)); done; echo end $i","1\n3\nend 0\n","",0],
  ["ash","for i in 1 2 3 4; do if [ $i = 3 ]; then break; fi; echo $i; done; echo after","1\n2\nafter\n","",0],
  ["ash","f() { local x=in; echo $x $1 $#; }; x=out; f a b; echo $x","in a 2\nout\n","",0],
  ["ash","case \"hello\" in h*o) echo glob;; *) echo other;; esac; case x in a|x) echo alt;; esac; case z in a) ;; esac; echo $?","glob\nalt\n0\n","",0],
  ["ash","echo $(echo one; echo two) \"$(echo three)\"; y=$(printf \"%s-\" a b); echo $y","one two three\na-b-\n","",0],
  ["ash","printf \"%5s|%-5s|%03d|%x|%o|%c|%%|%s\\n\" ab cd 7 255 8 hello; printf \"%s,%s\\n\" 1 2 3; printf \"%.2f %e\\n\" 3.14159 1234.5","   ab|cd   |007|ff|10|h|%|\n1,2\n3,\n3.14 1.234500e+03\n","",0],
  ["ash","echo a | (read x; echo got $x); echo \"$x\"","got a\n\n","",0],
  ["ash","(exit 3); echo $?; (echo sub; exit 4) ; echo $?","3\nsub\n4\n","",0],
  ["ash","{ echo g1; echo g2; } | wc -l","2\n","",0],
  ["ash","echo one two three | tr a-z A-Z; echo hello | sed \"s/l/L/g\"; echo a:b:c | cut -d: -f2","ONE TWO THREE\nheLLo\nb\n","",0],
  ["ash","printf \"b\\na\\nc\\na\\n\" | sort | uniq -c; printf \"x\\ny\\n\" | grep -c y; printf \"x\\n\" | grep -q z; echo $?","      2 a\n      1 b\n      1 c\n1\n1\n","",0],
  ["ash","seq 1 3; seq 5 -2 1 | tr \"\\n\" \" \"; echo; expr 2 + 3 \\* 4; expr length hello; basename /x/y.sh .sh; dirname /x/y","1\n2\n3\n5 3 1 \n14\n5\ny\n/x\n","",0],
  ["ash","x=5; [ \"$x\" -gt 3 ] && echo big; [ -z \"\" ] && echo empty; [ abc != abd ] && echo ne; test 1 -eq 1 -a 2 -eq 2 && echo both","big\nempty\nne\nboth\n","",0],
  ["ash","echo start; exit 7; echo never","start\n","",7],
  ["ash","trap \"echo bye\" EXIT; echo main","main\nbye\n","",0],
  ["ash","set -e; echo a; false; echo b","a\n","",1],
  ["ash","set -e; if false; then :; fi; false || true; echo survived","survived\n","",0],
  ["ash","echo $((1/0)); echo after","","sh: divide by zero\n",2],
  ["ash","echo ${x?oops}; echo after","","sh: x: oops\n",2],
  ["ash","echo hi >/dev/null; echo err 1>&2; echo both 2>&1","both\n","err\n",0],
  ["ash","cat <<EOF\nhello $HOME\n$(echo sub)\nEOF\ncat <<'E'\nraw $HOME\nE","hello /root\nsub\nraw $HOME\n","",0],
  ["ash","x=1; eval \"x=2; echo evaled\"; echo $x","evaled\n2\n","",0],
  ["ash","a=b; echo ${a}c \"${a}d\" '${a}'","bc bd ${a}\n","",0],
  ["ash","echo -n abc; echo def; echo \"a\\tb\"","abcdef\na\\tb\n","",0],
  ["ash","IFS=:; set -- $(echo a:b:c); echo $#; echo \"$2\"","3\nb\n","",0],
  ["ash","n=0; for i in $(seq 1 10); do n=$((n+i)); done; echo $n","55\n","",0],
  ["ash","echo `echo a \\`echo b\\``","a b\n","",0],
  ["ash","shift 5; echo after","after\n","",0],
  ["ash","f() { echo f; }; f | tr f F","F\n","",0],
  ["ash","echo $0 $#","sh 0\n","",0],
  ["ash","readonly r=1; export e=2; echo $r $e","1 2\n","",0],
  ["ash","kill -l 15; type echo","TERM\necho is a shell builtin\n","",0],
];

function run(flavor: "dash" | "ash" | "bash", argv: string[], opts: { files?: Record<string, string>; tools?: string[] } = {}) {
  const h = fakeHost({ shell: flavor === "bash" ? "dash" : flavor, env: { PATH: "/usr/bin:/bin", HOME: "/root" }, files: opts.files, tools: opts.tools ?? (flavor === "bash" ? ["bash", "cat", "echo"] : undefined) });
  const r = runToEnd(argv, h, T0, 60_000);
  const text = (s: string) => r.output.filter((c) => c.stream === s).map((c) => c.text).join("");
  return { stdout: text("stdout"), stderr: text("stderr"), code: r.code, host: h };
}

describe("shell language (recorded from dash and busybox ash)", () => {
  it.each(RECORDED)("%s: %s", (flavor, script, stdout, stderr, code) => {
    const r = run(flavor, ["sh", "-c", script]);
    expect({ stdout: r.stdout, stderr: r.stderr, code: r.code }).toEqual({ stdout, stderr, code });
  });
});

describe("shell errors as each shell words them (recorded)", () => {
  const cases: [flavor: "dash" | "ash" | "bash", argv: string[], stderr: string, code: number][] = [
    ["dash", ["sh", "-c", "if true; fi"], 'sh: 1: Syntax error: "fi" unexpected (expecting "then")\n', 2],
    ["ash", ["sh", "-c", "if true; fi"], 'sh: syntax error: unexpected "fi" (expecting "then")\n', 2],
    ["dash", ["sh", "-c", 'echo "abc'], "sh: 1: Syntax error: Unterminated quoted string\n", 2],
    ["ash", ["sh", "-c", 'echo "abc'], "sh: syntax error: unterminated quoted string\n", 2],
    ["dash", ["sh", "-c", "echo ${x"], "sh: 1: Syntax error: Missing '}'\n", 2],
    ["ash", ["sh", "-c", "echo ${x"], "sh: syntax error: missing '}'\n", 2],
    ["dash", ["sh", "-c", "echo ${x!}"], "sh: 1: Bad substitution\n", 2],
    ["dash", ["sh", "-c", "for i in 1 2; do"], 'sh: 1: Syntax error: end of file unexpected (expecting "done")\n', 2],
    ["ash", ["sh", "-c", "for i in 1 2; do"], 'sh: syntax error: unexpected end of file (expecting "done")\n', 2],
    ["dash", ["sh", "-c", "echo )"], 'sh: 1: Syntax error: ")" unexpected\n', 2],
    ["ash", ["sh", "-c", "echo )"], 'sh: syntax error: unexpected ")"\n', 2],
    ["dash", ["sh", "-c", "curl x"], "sh: 1: curl: not found\n", 127],
    ["ash", ["sh", "-c", "curl x"], "sh: curl: not found\n", 127],
    ["bash", ["bash", "-c", "foo"], "bash: line 1: foo: command not found\n", 127],
    ["dash", ["sh", "-c", "echo\nfoo"], "sh: 2: foo: not found\n", 127],
    ["dash", ["sh", "nonexist.sh"], "sh: 0: cannot open nonexist.sh: No such file\n", 2],
    ["ash", ["sh", "nonexist.sh"], "sh: can't open 'nonexist.sh': No such file or directory\n", 2],
    ["dash", ["sh", "-c", "echo hi > /nonexist/x; echo $?"], "sh: 1: cannot create /nonexist/x: Directory nonexistent\n", 0],
    ["ash", ["sh", "-c", "cat < /nope"], "sh: can't open /nope: no such file\n", 1],
    ["dash", ["sh", "-c", "cat < /nope"], "sh: 1: cannot open /nope: No such file\n", 2],
    ["dash", ["sh", "-c", "/etc"], "sh: 1: /etc: Permission denied\n", 126],
    ["ash", ["sh", "-c", "/etc"], "sh: /etc: Permission denied\n", 126],
    ["dash", ["sh", "-c", "x=${y?}"], "sh: 1: y: parameter not set\n", 2],
    ["dash", ["sh", "-c", "cd /nonexist"], "sh: 1: cd: can't cd to /nonexist\n", 2],
    ["ash", ["sh", "-c", "cd /nonexist"], "sh: cd: line 0: can't cd to /nonexist: No such file or directory\n", 2],
    ["dash", ["sh", "-c", "local x"], "sh: 1: local: not in a function\n", 2],
    ["dash", ["sh", "-c", "[ 1 -eq abc ]"], "sh: 1: [: Illegal number: abc\n", 2],
    ["ash", ["sh", "-c", "[ 1 -eq abc ]"], "sh: abc: bad number\n", 2],
    ["dash", ["sh", "-c", "[ a = b"], "sh: 1: [: missing ]\n", 2],
    ["ash", ["sh", "-c", "[ a = b"], "sh: missing ]\n", 2],
    ["dash", ["sh", "-c", "kill 99999"], "sh: 1: kill: No such process\n\n", 1],
    ["ash", ["sh", "-c", "kill 99999"], "sh: can't kill pid 99999: No such process\n", 1],
    ["dash", ["sh", "-c", 'printf "%d\\n" abc'], "sh: 1: printf: abc: expected numeric value\n", 1],
    ["dash", ["sh", "-c", "echo $((2+))"], 'sh: 1: arithmetic expression: expecting primary: "2+"\n', 2],
    ["ash", ["sh", "-c", "echo $((1/0))"], "sh: divide by zero\n", 2],
  ];
  it.each(cases)("%s %j", (flavor, argv, stderr, code) => {
    const r = run(flavor, argv);
    expect({ stderr: r.stderr, code: r.code }).toEqual({ stderr, code });
  });

  it("names the script and its line in a script file's errors", () => {
    const files = { "/s.sh": "echo a\nfoo\n" };
    expect(run("dash", ["sh", "/s.sh"], { files })).toMatchObject({ stdout: "a\n", stderr: "/s.sh: 2: foo: not found\n", code: 127 });
    expect(run("ash", ["sh", "/s.sh"], { files })).toMatchObject({ stdout: "a\n", stderr: "/s.sh: line 2: foo: not found\n", code: 127 });
  });

  it("runs an executable script by its shebang, with its arguments", () => {
    const files = { "/app/run.sh": '#!/bin/sh\necho "args: $# $1 $0"\nexit 3\n' };
    expect(run("dash", ["/app/run.sh", "x"], { files })).toMatchObject({ stdout: "args: 1 x /app/run.sh\n", code: 3 });
  });
});

describe("parser", () => {
  it("keeps the program as a flat table of plain nodes", () => {
    const nodes: never[] = [];
    const root = parseProgram("for i in 1 2; do echo $i | cat; done && f() { :; }", nodes);
    expect(JSON.parse(JSON.stringify(nodes))).toEqual(nodes);
    expect((nodes[root] as { t: string }).t).toBe("list");
  });

  it("reports the line of a syntax error", () => {
    const err = (() => {
      try {
        parseProgram("echo a\necho b\nif true; fi", []);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ShellSyntaxError);
    expect((err as ShellSyntaxError).line).toBe(3);
  });

  it("expands globs against the container's files and leaves unmatched patterns alone", () => {
    const files = { "/data/a.txt": "", "/data/b.txt": "", "/data/c.log": "" };
    expect(run("ash", ["sh", "-c", "echo /data/*.txt; echo /data/*.none; echo '/data/*'"], { files }).stdout).toBe("/data/a.txt /data/b.txt\n/data/*.none\n/data/*\n");
  });

  it("treats a background job as a concurrent job that wait collects", () => {
    const r = run("dash", ["sh", "-c", "(sleep 2; echo bg) & echo fg; wait; echo done $!"]);
    expect(r.stdout).toBe("fg\nbg\ndone 2\n");
  });
});
