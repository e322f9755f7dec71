# FashionAE: every target goes through Maven, so a fresh machine needs only a JDK 17 and Maven.
# Pass options to the program with ARGS, e.g.  make train ARGS="--epochs 1 --train-limit 2048"

MVN  ?= mvn -B
ARGS ?=

.PHONY: help build data train summary export decode encode report compare study bench bench-compare bench-engines test test-fast test-portable format clean

help:
	@echo "make data       find or download Fashion-MNIST and verify it"
	@echo "make train      train with the original article's settings (ARGS=... for options)"
	@echo "make summary    print the model's layers and parameter counts"
	@echo "make export     models/autoencoder.zip -> encoder/decoder/autoencoder.onnx"
	@echo "make decode     latent points -> images with decoder.onnx (ARGS=\"--z 1,2 --out x.png\")"
	@echo "make report     rebuild reports/index.html from the last run's files"
	@echo "make compare    runs side by side: ARGS=\"DIR DIR ...\" -> reports/compare.html (+ compare.json)"
	@echo "make study      latent 2/8/16 x mse/bce/vae, 3 epochs, + 2-D mse 20 epochs, then compare (~2 h on 2 cores)"
	@echo "make bench      throughput and memory on real batches (writes reports/bench.json)"
	@echo "make bench-compare  the same beside the PyTorch reference's --bench-steps, with ratios"
	@echo "make bench-engines  make bench for the native engine, then the dl4j engine"
	@echo "make test       all tests, the real-data smoke training included"
	@echo "make test-fast  unit tests only (skips tests tagged 'slow')"
	@echo "make test-portable  the dl4j engine end to end on libnd4j's plain build (no oneDNN)"
	@echo "make format     reformat the Java sources (Spotless, palantir-java-format); make test checks it"
	@echo "make clean      remove build outputs and generated models/reports"

build:
	$(MVN) -q compile

# Every other subcommand runs the same way: make <command> ARGS="...".
data summary export decode encode report compare bench:
	$(MVN) -q compile exec:java -Dexec.args="$@ $(ARGS)"

train:
	$(MVN) -q -Ptrain compile exec:java -Dtrain.args="$(ARGS)"

# docs/latent-study.md's table: ten runs one after the other, then compare (reports/study/).
study:
	bash scripts/latent-study.sh

# The reference's --bench-steps run and ours, one right after the other, and the ratios.
REFERENCE ?= ../shared/reference/seed_reference.py
PYTHON ?= /usr/bin/python3
# 100 timed steps a side: long enough for both to reach steady state (the first 20 run slower).
BENCH_STEPS ?= 100
bench-compare:
	@if [ ! -f "$(REFERENCE)" ] || ! $(PYTHON) -c "import torch" 2>/dev/null; then \
	  echo "bench-compare needs $(REFERENCE) and PyTorch (apt-get install python3-torch)"; exit 2; fi
	@mkdir -p reports
	$(PYTHON) $(REFERENCE) --bench-steps $(BENCH_STEPS) --batch-size 64 --threads 2 --out reports/bench-reference.json
	$(PYTHON) scripts/reference-encode.py --reference $(REFERENCE) --threads 2 --json reports/bench-reference.json
	$(MVN) -q compile exec:java -Dexec.args="bench --steps $(BENCH_STEPS) --reference reports/bench-reference.json $(ARGS)"

# Both engines' figures, one after the other: reports/bench-native.json and reports/bench-dl4j.json.
bench-engines:
	$(MVN) -q compile exec:java -Dexec.args="bench --engine native --out reports/bench-native.json $(ARGS)"
	$(MVN) -q compile exec:java -Dexec.args="bench --engine dl4j --out reports/bench-dl4j.json $(ARGS)"

test:
	$(MVN) test

test-fast:
	$(MVN) test -Pfast

# The portable path (DL4J's own layers) end to end on libnd4j's plain linux-x86_64 build, the one
# without oneDNN: what a user off Linux x86-64 runs. CI runs it after make test.
test-portable:
	$(MVN) test -Dnd4j.classifier=linux-x86_64 -Dtest.groups=portable \
	  -Dfashionae.expected.natives=linux-x86_64 -Dspotless.check.skip=true -Dcheckstyle.skip=true

# make test (mvn test) fails on unformatted code (spotless:check) and on config/checkstyle.xml's rules.
format:
	$(MVN) -q spotless:apply

clean:
	$(MVN) -q clean
	find models reports -mindepth 1 ! -name README.md -exec rm -rf {} +
