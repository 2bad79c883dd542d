package org.bsb.neuron.nmodl;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bsb.neuron.nmodl.ast.Ast.ModFile;
import org.bsb.neuron.nmodl.gen.InMemoryCompiler;
import org.bsb.neuron.nmodl.gen.JavaGenerator;
import org.bsb.neuron.nmodl.parse.Parser;
import org.bsb.neuron.nmodl.runtime.NmodlMechanism;
import org.bsb.neuron.nmodl.runtime.NmodlMechanismType;
import org.bsb.neuron.nmodl.runtime.MechanismInfo;
import org.bsb.neuron.nmodl.sema.Symbols;

/**
 * Compiles {@code .mod} text into a {@link CompiledMechanism} (a factory of kernels). Results are cached per
 * SHA-256 of the file content, so the same file is compiled once per JVM.
 */
public final class NmodlCompiler {
  private static final Map<String, NmodlMechanismType> CACHE = new ConcurrentHashMap<>();

  private NmodlCompiler() {}

  /** Compiles (or takes from the cache) the mechanism type of one file. */
  public static NmodlMechanismType compile(String fileName, String text) {
    String key = sha256(text);
    NmodlMechanismType cached = CACHE.get(key);
    if (cached != null) return cached;
    NmodlMechanismType c = compileUncached(fileName, text, "M" + key.substring(0, 16));
    CACHE.putIfAbsent(key, c);
    return CACHE.get(key);
  }

  /** Parses and generates Java source (no compilation), for inspection and tests. */
  public static String generateSource(String fileName, String text) {
    return JavaGenerator.generate(analyse(fileName, text), "Preview");
  }

  public static Symbols analyse(String fileName, String text) {
    ModFile mod;
    try {
      mod = Parser.parse(fileName, text);
    } catch (StackOverflowError e) {
      throw new NmodlException(fileName, "expression or block nesting too deep");
    }
    return new Symbols(mod);
  }

  @SuppressWarnings("unchecked")
  private static NmodlMechanismType compileUncached(String fileName, String text, String className) {
    Symbols sym = analyse(fileName, text);
    String src;
    try {
      src = JavaGenerator.generate(sym, className);
    } catch (StackOverflowError e) {
      throw new NmodlException(fileName, "expression or block nesting too deep");
    }
    Class<?> cls = InMemoryCompiler.compile(JavaGenerator.PACKAGE + "." + className, src);
    List<MechanismInfo.Field> fields = new ArrayList<>(sym.fields.values());
    MechanismInfo info = new MechanismInfo(sym.mod.mechanismName(), fileName, sym.isPointProcess(),
        sym.mod.artificialCell, List.copyOf(fields), List.copyOf(sym.ions),
        sym.mod.netReceive == null ? 0 : sym.mod.netReceive.params().size(), !sym.currents.isEmpty(),
        !sym.mod.electrodeCurrent.isEmpty());
    try {
      return new NmodlMechanismType(info,
          (Constructor<? extends NmodlMechanism>) cls.getConstructor(NmodlMechanismType.class, int.class), src);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
