/*
 * A TC classifier with two elibpcap-style stubs, for TestInjectClang: the
 * classifier calls filter_l2 with the frame and filter_l3 with the
 * network layer (data + 14) and returns l2 | l3 << 1. The stubs are
 * static and not inlined; their bodies use every argument so that the
 * compiler keeps all five. Built with clang -O2 -g -target bpf, the object
 * carries BTF function and line info.
 */
typedef unsigned int __u32;
typedef _Bool bool;

struct __sk_buff {
	__u32 len, pkt_type, mark, queue_mapping, protocol, vlan_present, vlan_tci, vlan_proto;
	__u32 priority, ingress_ifindex, ifindex, tc_index, cb[5], hash, tc_classid, data, data_end;
};

static __attribute__((noinline)) bool
filter_l2(void *_skb, void *__skb, void *___skb, void *data, void *data_end)
{
	return data != data_end && _skb == __skb && __skb == ___skb;
}

static __attribute__((noinline)) bool
filter_l3(void *_skb, void *__skb, void *___skb, void *data, void *data_end)
{
	return data != data_end && _skb == __skb && __skb == ___skb;
}

__attribute__((section("tc"), used)) int
classify(struct __sk_buff *skb)
{
	void *data = (void *)(long)skb->data;
	void *data_end = (void *)(long)skb->data_end;
	int l2 = filter_l2(skb, skb, skb, data, data_end);
	int l3 = filter_l3(skb, skb, skb, data + 14, data_end);

	return l2 | (l3 << 1);
}

char _license[] __attribute__((section("license"), used)) = "GPL";
