/*
 * compile: time libpcap's pcap_compile with the optimizer on, per
 * expression, for the half of bench/compile.sh that gocap's compiler is
 * compared with.
 *
 *   compile LIST OK [REPS [MIN_MS [KIND_MS]]]
 *
 * LIST holds one expression a line, as bench/compile writes it: kind, DLT
 * number, snapshot length, netmask (4294967295 for PCAP_NETMASK_UNKNOWN) and
 * the expression, tab-separated. Every expression is compiled once for its link
 * type (pcap_open_dead); the lines that compile are written to OK, so that
 * both halves time the same expressions, and the others are counted. Then
 * whole passes over the expressions that compile run for at least MIN_MS
 * milliseconds of CPU time (default 200), REPS times (default 5), and the fastest
 * repetition is printed as one tab-separated line: "libpcap", ns/expression,
 * expressions, total instructions. Then the expressions of each kind are
 * timed on their own the same way, for at least KIND_MS milliseconds
 * (default 100; 0 skips this), one line per kind: "libpcap:KIND",
 * ns/expression, expressions, total instructions.
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct expr {
	pcap_t *p;
	bpf_u_int32 mask;
	char *kind;
	char *text;
	unsigned insns;
};

/* now_ns is the CPU time the process has used: the machine may be shared,
 * and time spent waiting for a CPU is not compile time. */
static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

/* time_passes compiles the n expressions of ex in whole passes for at least
 * min_ns of CPU time, reps times, and returns the fastest time per
 * expression. */
static double time_passes(struct expr **ex, size_t n, int reps, double min_ns)
{
	double best = -1;
	for (int r = 0; r < reps; r++) {
		long passes = 0;
		double start = now_ns(), el;
		do {
			for (size_t i = 0; i < n; i++) {
				struct bpf_program fp;
				if (pcap_compile(ex[i]->p, &fp, ex[i]->text, 1, ex[i]->mask) == 0)
					pcap_freecode(&fp);
			}
			passes++;
			el = now_ns() - start;
		} while (el < min_ns);
		double per = el / (double)passes / (double)n;
		if (best < 0 || per < best)
			best = per;
	}
	return best;
}

int main(int argc, char **argv)
{
	if (argc < 3 || argc > 6) {
		fprintf(stderr, "usage: compile LIST OK [REPS [MIN_MS [KIND_MS]]]\n");
		return 2;
	}
	int reps = argc > 3 ? atoi(argv[3]) : 5;
	double min_ns = (argc > 4 ? atof(argv[4]) : 200.0) * 1e6;
	double kind_ns = (argc > 5 ? atof(argv[5]) : 100.0) * 1e6;
	if (reps < 1 || min_ns <= 0 || kind_ns < 0) {
		fprintf(stderr, "compile: bad REPS or MIN_MS\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "r");
	if (in == NULL) {
		perror(argv[1]);
		return 1;
	}
	FILE *ok = fopen(argv[2], "w");
	if (ok == NULL) {
		perror(argv[2]);
		return 1;
	}
	size_t n = 0, cap = 1024, failed = 0;
	unsigned long insns = 0;
	struct expr *ex = malloc(cap * sizeof *ex);
	char line[4096];
	while (fgets(line, sizeof line, in) != NULL) {
		char *orig = strdup(line);
		size_t len = strlen(line);
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		char *f[5];
		char *s = line;
		int i;
		for (i = 0; i < 4; i++) {
			f[i] = s;
			s = strchr(s, '\t');
			if (s == NULL)
				break;
			*s++ = '\0';
		}
		if (i < 4 || orig == NULL) {
			fprintf(stderr, "compile: %s: bad line: %s", argv[1], orig ? orig : "");
			return 1;
		}
		f[4] = s;
		pcap_t *p = pcap_open_dead(atoi(f[1]), (int)strtoul(f[2], NULL, 10));
		if (p == NULL) {
			failed++;
			free(orig);
			continue;
		}
		bpf_u_int32 mask = (bpf_u_int32)strtoul(f[3], NULL, 10);
		struct bpf_program fp;
		if (pcap_compile(p, &fp, f[4], 1, mask) != 0) {
			pcap_close(p);
			failed++;
			free(orig);
			continue;
		}
		insns += fp.bf_len;
		unsigned len_insns = fp.bf_len;
		pcap_freecode(&fp);
		if (n == cap) {
			cap *= 2;
			ex = realloc(ex, cap * sizeof *ex);
		}
		if (ex == NULL) {
			fprintf(stderr, "compile: out of memory\n");
			return 1;
		}
		ex[n].p = p;
		ex[n].mask = mask;
		ex[n].kind = strdup(f[0]);
		ex[n].text = strdup(f[4]);
		ex[n].insns = len_insns;
		n++;
		fputs(orig, ok);
		free(orig);
	}
	fclose(in);
	fclose(ok);
	if (n == 0) {
		fprintf(stderr, "compile: no expression compiles\n");
		return 1;
	}
	fprintf(stderr, "compile: %zu expressions compile with libpcap %s, %zu do not\n", n, pcap_lib_version(), failed);
	struct expr **all = malloc(n * sizeof *all), **sub = malloc(n * sizeof *sub);
	char *done = calloc(n, 1);
	if (all == NULL || sub == NULL || done == NULL) {
		fprintf(stderr, "compile: out of memory\n");
		return 1;
	}
	for (size_t i = 0; i < n; i++)
		all[i] = &ex[i];
	printf("libpcap\t%.1f\t%zu\t%lu\n", time_passes(all, n, reps, min_ns), n, insns);
	/* Each kind, in the order of its first expression. */
	for (size_t i = 0; kind_ns > 0 && i < n; i++) {
		if (done[i])
			continue;
		size_t m = 0;
		unsigned long kind_insns = 0;
		for (size_t j = i; j < n; j++) {
			if (!done[j] && strcmp(ex[j].kind, ex[i].kind) == 0) {
				done[j] = 1;
				sub[m++] = &ex[j];
				kind_insns += ex[j].insns;
			}
		}
		printf("libpcap:%s\t%.1f\t%zu\t%lu\n", ex[i].kind, time_passes(sub, m, reps, kind_ns), m, kind_insns);
	}
	return 0;
}
