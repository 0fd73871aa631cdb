/*
 * bench: time libpcap's BPF interpreter (bpf_filter, through
 * pcap_offline_filter) per packet, for the half of bench/vm.sh that gocap's
 * Go engines are compared with.
 *
 *   bench FILTERS PCAP [REPS [MIN_MS [PASSES]]]
 *
 * It loads every record of PCAP into memory, then for each filter of the file
 * FILTERS (one expression a line; blank lines and lines starting with '#'
 * are skipped) compiles it with pcap_compile, optimizer on, for PCAP's link
 * type, and runs pcap_offline_filter over all packets in whole passes for at
 * least MIN_MS milliseconds (default 100), REPS times (default 5), keeping
 * the fastest repetition. It prints one tab-separated line per filter, as
 * bench/vmbench does: engine ("libpcap"), filter, ns/packet, matched packets,
 * packets, program length.
 *
 * With PASSES, it runs exactly PASSES passes per filter once, untimed, and
 * prints engine, filter, matched packets and packets: for counting
 * instructions with valgrind --tool=cachegrind (bench/vm.sh --instructions).
 */
#include <pcap/pcap.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct pkt {
	struct pcap_pkthdr hdr;
	const u_char *data;
};

/*
 * now_ns is the CPU time of the calling thread: on a shared machine, time
 * spent waiting for a CPU is not the filter's, and bench/vmbench measures the
 * same way.
 */
static double now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int pass(const struct bpf_program *fp, const struct pkt *pkts, size_t n)
{
	int matched = 0;
	for (size_t i = 0; i < n; i++)
		if (pcap_offline_filter(fp, &pkts[i].hdr, pkts[i].data) != 0)
			matched++;
	return matched;
}

int main(int argc, char **argv)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	if (argc < 3 || argc > 6) {
		fprintf(stderr, "usage: bench FILTERS PCAP [REPS [MIN_MS [PASSES]]]\n");
		return 2;
	}
	int reps = argc > 3 ? atoi(argv[3]) : 5;
	double min_ns = (argc > 4 ? atof(argv[4]) : 100.0) * 1e6;
	long count = argc > 5 ? atol(argv[5]) : 0;
	if (reps < 1 || min_ns <= 0) {
		fprintf(stderr, "bench: bad REPS or MIN_MS\n");
		return 2;
	}

	pcap_t *p = pcap_open_offline(argv[2], errbuf);
	if (p == NULL) {
		fprintf(stderr, "bench: %s\n", errbuf);
		return 1;
	}
	size_t n = 0, cap = 1024;
	struct pkt *pkts = malloc(cap * sizeof *pkts);
	struct pcap_pkthdr *h;
	const u_char *d;
	int rc;
	while ((rc = pcap_next_ex(p, &h, &d)) == 1) {
		if (n == cap) {
			cap *= 2;
			pkts = realloc(pkts, cap * sizeof *pkts);
		}
		u_char *copy = malloc(h->caplen ? h->caplen : 1);
		if (pkts == NULL || copy == NULL) {
			fprintf(stderr, "bench: out of memory\n");
			return 1;
		}
		memcpy(copy, d, h->caplen);
		pkts[n].hdr = *h;
		pkts[n].data = copy;
		n++;
	}
	if (rc == PCAP_ERROR) {
		fprintf(stderr, "bench: %s: %s\n", argv[2], pcap_geterr(p));
		return 1;
	}
	if (n == 0) {
		fprintf(stderr, "bench: no packets in %s\n", argv[2]);
		return 1;
	}

	FILE *ff = fopen(argv[1], "r");
	if (ff == NULL) {
		perror(argv[1]);
		return 1;
	}
	char line[1024];
	while (fgets(line, sizeof line, ff) != NULL) {
		char *s = line, *e;
		while (*s == ' ' || *s == '\t')
			s++;
		e = s + strlen(s);
		while (e > s && (e[-1] == '\n' || e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
			*--e = '\0';
		if (*s == '\0' || *s == '#')
			continue;

		struct bpf_program fp;
		if (pcap_compile(p, &fp, s, 1, PCAP_NETMASK_UNKNOWN) != 0) {
			fprintf(stderr, "bench: %s: %s\n", s, pcap_geterr(p));
			return 1;
		}
		double best = -1;
		int matched = 0;
		if (count > 0) {
			for (long i = 0; i < count; i++)
				matched = pass(&fp, pkts, n);
			printf("libpcap\t%s\t%d\t%zu\n", s, matched, n);
			pcap_freecode(&fp);
			continue;
		}
		for (int r = 0; r < reps; r++) {
			long passes = 0;
			double start = now_ns(), el;
			do {
				matched = pass(&fp, pkts, n);
				passes++;
				el = now_ns() - start;
			} while (el < min_ns);
			double per = el / (double)passes / (double)n;
			if (best < 0 || per < best)
				best = per;
		}
		printf("libpcap\t%s\t%.2f\t%d\t%zu\t%u\n", s, best, matched, n, fp.bf_len);
		pcap_freecode(&fp);
	}
	fclose(ff);
	pcap_close(p);
	return 0;
}
