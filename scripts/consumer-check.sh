#!/usr/bin/env bash
# Consumer check: deploys nabla-core and nabla-symbolic (with the parent POM) to a throw-away file repository,
# then builds and runs a small separate project that depends on them by Maven coordinates only.
# Nothing is written into ~/.m2: both builds use their own local repositories (released artifacts come from
# ~/.m2 read as a plain file repository, then Maven Central; Nabla's snapshots only from the throw-away one).
# Usage: scripts/consumer-check.sh   (exit 0 and "consumer check: ok" when the consumer sees the right numbers)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
version=$(sed -n 's#^  <version>\(.*\)</version>#\1#p' "$root/pom.xml" | head -1)

mkdir -p "$tmp/consumer/src/main/java/example"
cat >"$tmp/settings.xml" <<XML
<settings>
  <profiles><profile><id>consumer</id>
    <repositories>
      <repository><id>nabla-local</id><url>file://$tmp/repo</url>
        <releases><enabled>false</enabled></releases><snapshots><enabled>true</enabled></snapshots></repository>
      <repository><id>home-m2</id><url>file://$HOME/.m2/repository</url>
        <releases><enabled>true</enabled></releases><snapshots><enabled>false</enabled></snapshots></repository>
    </repositories>
    <pluginRepositories>
      <pluginRepository><id>home-m2</id><url>file://$HOME/.m2/repository</url>
        <snapshots><enabled>false</enabled></snapshots></pluginRepository>
    </pluginRepositories>
  </profile></profiles>
  <activeProfiles><activeProfile>consumer</activeProfile></activeProfiles>
</settings>
XML
cat >"$tmp/consumer/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId><artifactId>nabla-consumer</artifactId><version>1</version>
  <properties><maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding></properties>
  <dependencies>
    <dependency><groupId>dev.nabla</groupId><artifactId>nabla-core</artifactId><version>$version</version></dependency>
    <dependency><groupId>dev.nabla</groupId><artifactId>nabla-symbolic</artifactId><version>$version</version></dependency>
  </dependencies>
  <build><plugins>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
    <plugin><groupId>org.apache.maven.plugins</groupId><artifactId>maven-dependency-plugin</artifactId><version>3.8.1</version></plugin>
  </plugins></build>
</project>
XML
cat >"$tmp/consumer/src/main/java/example/Main.java" <<'JAVA'
package example;

import dev.nabla.core.ad.AD;
import dev.nabla.core.ad.RealFunction;
import dev.nabla.symbolic.Formula;

/** The documents' example f = x² sin y + y³ at (0.7, 1.2), v = (1, −2), through both published modules. */
public class Main {
    public static void main(String[] args) {
        double[] x = {0.7, 1.2};
        double[] v = {1, -2};
        Formula f = Formula.parse("x^2*sin(y) + y^3");
        RealFunction g = p -> p[0].square().multiply(p[1].sin()).add(p[1].pow(3));
        double symbolic = f.directionalDerivative(x, v);
        double forward = AD.jvp(g, x, v);
        double[] gradient = AD.grad(g, x);
        System.out.println("gradient " + gradient[0] + " " + gradient[1]);
        System.out.println("symbolic " + symbolic);
        System.out.println("forward " + forward);
    }
}
JAVA
echo "consumer check: deploying dev.nabla:nabla-core and nabla-symbolic $version to $tmp/repo"
# Its own local repository too: deploying a snapshot writes metadata into the local repository.
(cd "$root" && mvn -B -q -s "$tmp/settings.xml" -Dmaven.repo.local="$tmp/m2-deploy" deploy -DskipTests \
  -Dmaven.install.skip=true -pl nabla-core,nabla-symbolic -am -DaltDeploymentRepository="local::file:$tmp/repo")

echo "consumer check: building a separate project against the deployed artifacts"
m2="$tmp/m2"
(cd "$tmp/consumer" && mvn -B -q -s "$tmp/settings.xml" -Dmaven.repo.local="$m2" compile \
  dependency:build-classpath -Dmdep.outputFile=cp.txt)
out=$(cd "$tmp/consumer" && java -cp "target/classes:$(cat cp.txt)" example.Main)
echo "$out"
# D_v f = ∇f·v = −7.690255879033025 (the documents' value); both paths must agree to 1e-12 (round-off only).
# Checked with awk: a fresh machine has a JDK and Maven, not necessarily Python.
echo "$out" | awk -v e=-7.690255879033025 '
  function off(a, b) { d = a - b; return d < 0 ? -d : d }
  $1 == "symbolic" || $1 == "forward" { seen[$1] = 1; if (off($2, e) >= 1e-12) { print "consumer check: " $1 " = " $2 > "/dev/stderr"; bad = 1 } }
  $1 == "gradient" { seen[$1] = 1; if (off($2 - 2 * $3, e) >= 1e-12) { print "consumer check: gradient" > "/dev/stderr"; bad = 1 } }
  END { if (bad || !seen["symbolic"] || !seen["forward"] || !seen["gradient"]) exit 1 }'
echo "consumer check: ok"
